using System.Collections.Concurrent;
using System.Diagnostics;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.OllamaEmulator;

namespace ReportLens.Llm.Tests;

/// <summary>Every model call is a GenAI span (OpenTelemetry conventions) with its token usage and no patient text.</summary>
public sealed class LlmTracingTests
{
    [Fact]
    public async Task Annotate_OneCall_RecordsAGenAiSpanWithTokenUsageAndNoReportText()
    {
        var ct = TestContext.Current.CancellationToken;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LlmTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString());
        var report = SampleReports.For(ReportLanguage.Zh);

        // Other tests call models in parallel: this call's span is the one in this trace.
        using var parent = new Activity("test").Start();
        var result = await llm.Annotator.AnnotateAsync(
            new AnalysisRequest(report, ReportLanguage.Zh, AnnotationType.Highlight, SampleReports.Prompt(ReportLanguage.Zh)), ct);

        var span = Assert.Single(spans, s => s.TraceId == parent.TraceId && s.GetTagItem("gen_ai.operation.name") as string == "chat");
        Assert.Equal("qwen2.5:7b", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(result.PromptTokens, (int?)Convert.ToInt32(span.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(result.OutputTokens, (int?)Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.OutputTokens > 0);
        var recorded = span.TagObjects.Select(t => t.Value?.ToString() ?? "")
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? "")));
        Assert.DoesNotContain(recorded, value => value.Contains(report[..12], StringComparison.Ordinal) || value.Contains("结节影", StringComparison.Ordinal));
    }
}
