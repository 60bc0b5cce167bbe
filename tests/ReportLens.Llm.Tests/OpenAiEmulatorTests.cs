using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Logprobs;

namespace ReportLens.Llm.Tests;

/// <summary>OpenAI-compatible backends of every kind against the emulator's /v1/chat/completions, through the real OpenAI client.</summary>
public sealed class OpenAiEmulatorTests : IAsyncLifetime
{
    // Only the OpenAI-compatible endpoint serves this model: the Ollama endpoint (a capture server) lists qwen2.5:7b alone.
    private const string Model = "llama3.1:8b";
    private const string Unsure = "\n[[emulator:fault=unsure:结节]]";
    private EmulatorHost _emulator = null!;
    private WireCaptureServer _ollama = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        _ollama = await WireCaptureServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ollama.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private async Task<LlmTestHost> HostAsync(string kind)
    {
        var host = new LlmTestHost(
            _ollama.BaseUrl.ToString(),
            ("Llm:OpenAiEndpoints:0:Name", kind),
            ("Llm:OpenAiEndpoints:0:Kind", kind),
            ("Llm:OpenAiEndpoints:0:Url", new Uri(_emulator.BaseUrl, "v1").ToString()),
            ("Llm:OpenAiEndpoints:0:Models:0", Model),
            ("Llm:OpenAiEndpoints:0:Trusted", "true"));
        await host.Pool.RefreshAsync(Ct);
        return host;
    }

    private static AnalysisRequest Request(string report = SampleReports.Chinese) =>
        new(report, ReportLanguage.Zh, AnnotationType.Highlight, "", Model: Model);

    [Theory]
    [InlineData("openai")]
    [InlineData("vllm")]
    [InlineData("llamacpp")]
    [InlineData("lmstudio")]
    [InlineData("sglang")]
    public async Task Annotate_EveryKind_GetsSchemaValidItemsUsageAndTokenConfidenceThatSinksForUnsureItems(string kind)
    {
        using var llm = await HostAsync(kind);

        var result = await llm.Annotator.AnnotateAsync(Request(SampleReports.Chinese + Unsure), Ct);

        Assert.Equal((kind, 0), (result.Backend, result.SchemaRepairs));
        Assert.Equal((_emulator.Stats.PromptTokens, _emulator.Stats.EvalTokens), ((long)result.PromptTokens!, (long)result.OutputTokens!));
        Assert.Equal(TokenConfidenceSources.Logprobs, result.TokenConfidenceSource);
        AssertUnsureItemsSink((HighlightContent)result.Content);
        Assert.Empty(_ollama.Requests);
    }

    [Fact]
    public async Task StreamAnnotate_OpenAiCompatible_ReadsEachChunksLogprobsAndTheUsageChunk()
    {
        using var llm = await HostAsync("vllm");

        var updates = new List<LlmStreamUpdate>();
        await foreach (var update in llm.Annotator.StreamAnnotateAsync(Request(SampleReports.Chinese + Unsure), Ct))
        {
            updates.Add(update);
        }

        var result = updates[^1].Result!;
        Assert.True(updates.Count(u => u.Kind == LlmStreamUpdateKind.Text) > 3);
        Assert.Equal(result.RawReply, string.Concat(updates.Where(u => u.Kind == LlmStreamUpdateKind.Text).Select(u => u.Text)));
        Assert.Equal((_emulator.Stats.PromptTokens, _emulator.Stats.EvalTokens), ((long)result.PromptTokens!, (long)result.OutputTokens!));
        Assert.Equal(TokenConfidenceSources.Logprobs, result.TokenConfidenceSource);
        AssertUnsureItemsSink((HighlightContent)result.Content);
    }

    [Fact]
    public async Task Annotate_ServerError_CarriesTheOpenAiErrorMessage()
    {
        using var llm = await HostAsync("llamacpp");

        var error = await Assert.ThrowsAsync<LlmBackendException>(() => llm.Annotator.AnnotateAsync(Request("[[emulator:fault=http500]] " + SampleReports.Chinese), Ct));

        Assert.Contains("llama runner process has terminated", error.BackendError, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    private static void AssertUnsureItemsSink(HighlightContent content)
    {
        var doubted = content.Highlights.Where(h => h.Text.Contains("结节", StringComparison.Ordinal)).ToList();
        var others = content.Highlights.Except(doubted).ToList();
        Assert.NotEmpty(doubted);
        Assert.NotEmpty(others);
        Assert.True(doubted.Max(h => h.Confidence!.Value) < others.Min(h => h.Confidence!.Value));
    }
}
