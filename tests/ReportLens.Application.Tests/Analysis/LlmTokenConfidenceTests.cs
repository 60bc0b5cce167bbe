using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Confidence;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;

namespace ReportLens.Application.Tests.Analysis;

/// <summary>Item confidence from token log-probabilities, against the emulator's logprobs (sure, or unsure per word).</summary>
public sealed class LlmTokenConfidenceTests : IAsyncLifetime
{
    private const string Report = "胸部CT平扫：双肺纹理增多，右肺上叶见结节影，大小约1.2cm×0.8cm。左肺下叶见条索影。心影不大。";
    private EmulatorHost _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<AnalysisOutcome> AnalyzeAsync(string report, params (string Key, string Value)[] settings)
    {
        using var host = new LlmTestHost(_emulator.BaseUrl.ToString(), settings);
        var analyzer = new ReportAnalyzer(new AnalyzerStubs.NoRules(), host.Annotator, new AnalyzerStubs.NoStatus(), Options.Create(new OllamaOptions()), TimeProvider.System);
        return await analyzer.AnalyzeAsync(new AnalysisRequest(report, ReportLanguage.Zh, AnnotationType.Highlight, "", EngineKind.Llm), Ct);
    }

    [Fact]
    public async Task Analyze_ItemsTheModelWasUnsureOf_GetLowerConfidenceAndComeFirstInReviewOrder()
    {
        var sure = await AnalyzeAsync(Report);
        var unsure = await AnalyzeAsync(Report + "\n[[emulator:fault=unsure:结节]]");

        Assert.Equal(TokenConfidenceSources.Logprobs, unsure.Llm!.TokenConfidence);
        var highlights = unsure.Content.Deserialize<HighlightContent>(ReportLensJson.Options)!.Highlights;
        var doubted = highlights.Where(h => h.Text.Contains("结节", StringComparison.Ordinal)).ToList();
        var others = highlights.Except(doubted).ToList();
        Assert.NotEmpty(doubted);
        Assert.NotEmpty(others);
        Assert.All(highlights, h => Assert.Equal(TokenConfidence.Factor, h.Confidence!.Factors[^1].Name));
        Assert.True(doubted.Max(h => h.Confidence!.Value) < others.Min(h => h.Confidence!.Value));
        // Review order (least confident first) starts with what the model doubted.
        Assert.Equal(doubted.Select(h => h.Text).Order(), highlights.OrderBy(h => h.Confidence!.Value).Take(doubted.Count).Select(h => h.Text).Order());
        // The annotation as a whole is trusted less too.
        Assert.True(unsure.Confidence < sure.Confidence, $"{unsure.Confidence} vs {sure.Confidence}");
        Assert.True(sure.Llm!.TokenProbability > 0.9);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("vllm")]
    [InlineData("llamacpp")]
    public async Task Analyze_OpenAiCompatibleBackend_ItemsTheModelWasUnsureOfComeFirstInReviewOrder(string kind)
    {
        // The Ollama endpoint (a capture server) lists qwen2.5:7b only: llama3.1:8b goes to the emulator's /v1 API.
        await using var ollama = await WireCaptureServer.StartAsync();
        using var host = new LlmTestHost(
            ollama.BaseUrl.ToString(),
            ("Llm:OpenAiEndpoints:0:Name", kind),
            ("Llm:OpenAiEndpoints:0:Kind", kind),
            ("Llm:OpenAiEndpoints:0:Url", new Uri(_emulator.BaseUrl, "v1").ToString()),
            ("Llm:OpenAiEndpoints:0:Models:0", "llama3.1:8b"),
            ("Llm:OpenAiEndpoints:0:Trusted", "true"));
        await host.Health.CheckAsync(Ct);
        var analyzer = new ReportAnalyzer(new AnalyzerStubs.NoRules(), host.Annotator, new AnalyzerStubs.NoStatus(), Options.Create(new OllamaOptions()), TimeProvider.System);

        var outcome = await analyzer.AnalyzeAsync(
            new AnalysisRequest(Report + "\n[[emulator:fault=unsure:结节]]", ReportLanguage.Zh, AnnotationType.Highlight, "", EngineKind.Llm, Model: "llama3.1:8b"), Ct);

        Assert.Equal((kind, TokenConfidenceSources.Logprobs), (outcome.Llm!.Backend, outcome.Llm.TokenConfidence));
        Assert.True(outcome.Llm.PromptTokens > 0 && outcome.Llm.OutputTokens > 0);
        var highlights = outcome.Content.Deserialize<HighlightContent>(ReportLensJson.Options)!.Highlights;
        var doubted = highlights.Where(h => h.Text.Contains("结节", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(doubted);
        Assert.True(doubted.Count < highlights.Count);
        Assert.All(highlights, h => Assert.Equal(TokenConfidence.Factor, h.Confidence!.Factors[^1].Name));
        Assert.Equal(doubted.Select(h => h.Text).Order(), highlights.OrderBy(h => h.Confidence!.Value).Take(doubted.Count).Select(h => h.Text).Order());
        Assert.True(doubted.Max(h => h.Confidence!.Value) < highlights.Except(doubted).Min(h => h.Confidence!.Value));
        Assert.Empty(ollama.Requests);
    }

    [Fact]
    public async Task Analyze_LogprobsTurnedOff_FallsBackToEvidenceAndSaysSo()
    {
        var outcome = await AnalyzeAsync(Report + "\n[[emulator:fault=unsure:结节]]", ("Llm:Logprobs", "false"));

        Assert.Equal(TokenConfidenceSources.Off, outcome.Llm!.TokenConfidence);
        Assert.Null(outcome.Llm.TokenProbability);
        Assert.All(outcome.Content.Deserialize<HighlightContent>(ReportLensJson.Options)!.Highlights, h => Assert.Null(h.Confidence));
    }

    [Fact]
    public async Task Annotate_BackendWithoutLogprobs_IsAskedForThemAndSaysItHadNone()
    {
        await using var server = await WireCaptureServer.StartAsync("""{"highlights": []}""");
        using var host = new LlmTestHost(server.BaseUrl.ToString());

        var result = await host.Annotator.AnnotateAsync(new AnalysisRequest(Report, ReportLanguage.Zh, AnnotationType.Highlight, ""), Ct);

        Assert.True((bool)Assert.Single(server.Requests)["logprobs"]!);
        Assert.Equal(TokenConfidenceSources.Unavailable, result.TokenConfidenceSource);
        Assert.Null(result.TokenProbability);
    }
}
