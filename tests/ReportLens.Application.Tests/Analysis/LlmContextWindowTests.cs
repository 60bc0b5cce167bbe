using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Options;

namespace ReportLens.Application.Tests.Analysis;

/// <summary>Long reports and the context window, against an emulator whose models have a 4096-token window.</summary>
public sealed class LlmContextWindowTests
{
    private const string Impression = "IMPRESSION: Enlarging mass in the left lower lobe, suspicious for malignancy; biopsy recommended.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Over 20,000 characters: a normal sentence per image, a numbered nodule every twenty (each its own text), and the
    /// same sentence "No pleural effusion." again and again.
    /// </summary>
    private static string LongReport()
    {
        var lines = Enumerable.Range(1, 320).Select(i => (i % 20) switch
        {
            17 => $"Image {i}: nodule number {i} in the right upper lobe measures {i % 40 + 3} mm.",
            5 => "No pleural effusion.",
            _ => $"Image {i}: the appearance is otherwise unremarkable on series {i}.",
        });
        var report = "FINDINGS: " + string.Join(" ", lines) + "\n" + Impression;
        Assert.True(report.Length > 20_000, $"{report.Length} characters");
        return report;
    }

    [Fact]
    public async Task Analyze_ReportLongerThanTheWindow_IsAnalysedInChunksGroundedOnTheWholeTextWithoutDuplicates()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContextLength = 4096 }, Ct);
        using var host = new LlmTestHost(emulator.BaseUrl.ToString());
        var analyzer = new ReportAnalyzer(new AnalyzerStubs.NoRules(), host.Annotator, new AnalyzerStubs.NoStatus(), Options.Create(new OllamaOptions()), TimeProvider.System);
        var report = LongReport();

        var outcome = await analyzer.AnalyzeAsync(new AnalysisRequest(report, ReportLanguage.En, AnnotationType.Highlight, "", EngineKind.Llm), Ct);

        var call = outcome.Llm!;
        Assert.True(call.Chunks >= 4, $"{call.Chunks} chunks");
        Assert.Equal(call.Chunks, emulator.Stats.Requests);
        Assert.False(call.PromptTruncated);
        Assert.Equal(4096, call.NumCtx);
        var highlights = outcome.Content.Deserialize<HighlightContent>(ReportLensJson.Options)!.Highlights;
        Assert.All(highlights, h =>
        {
            Assert.False(h.Grounding!.Ungrounded, h.Text);
            Assert.Equal(h.Text, report[h.Start..h.End]);
        });
        Assert.Equal(highlights.Count, highlights.DistinctBy(h => (h.Start, h.End, h.Category)).Count());
        // The last chunk's items stand where they are in the whole report.
        var impression = report.LastIndexOf("Enlarging mass", StringComparison.Ordinal);
        Assert.Contains(highlights, h => h.Start >= impression && h.Category == "diagnosis");
        // Items of every part of the report, not only its beginning; each nodule once, though chunks overlap.
        foreach (var n in new[] { 17, 157, 317 })
        {
            var at = report.IndexOf($"nodule number {n} ", StringComparison.Ordinal);
            Assert.Single(highlights, h => h.Category == "abnormal" && h.Start <= at && at < h.End);
        }
    }

    [Fact]
    public async Task Annotate_ReportThatFits_IsOneCallWithNumCtxForItsSize()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var host = new LlmTestHost(emulator.BaseUrl.ToString());

        var result = await host.Annotator.AnnotateAsync(new AnalysisRequest(LongReport(), ReportLanguage.En, AnnotationType.Highlight, ""), Ct);

        Assert.Equal(1, result.Chunks);
        Assert.Equal(1, emulator.Stats.Requests);
        Assert.Equal(16384, result.NumCtx);
        Assert.False(result.PromptTruncated);
    }

    [Fact]
    public async Task Annotate_BackendEvaluatedFewerPromptTokensThanSent_IsRecordedAsTruncated()
    {
        // The recorded Ollama reply says prompt_eval_count 30: far fewer than a 20,000-character prompt holds.
        await using var server = await WireCaptureServer.StartAsync("""{"highlights": []}""");
        using var host = new LlmTestHost(server.BaseUrl.ToString(), ("OLLAMA_MAX_NUM_CTX", "32768"));

        var result = await host.Annotator.AnnotateAsync(new AnalysisRequest(LongReport(), ReportLanguage.En, AnnotationType.Highlight, ""), Ct);

        Assert.True(result.PromptTruncated);
        Assert.Equal(16384, (int)Assert.Single(server.Requests)["options"]!["num_ctx"]!);
    }
}
