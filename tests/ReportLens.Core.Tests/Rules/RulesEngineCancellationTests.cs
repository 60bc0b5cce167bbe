using System.Text;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Merging;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>An abandoned analysis stops: the engine and the grounder honour the caller's token.</summary>
public sealed class RulesEngineCancellationTests
{
    private static string LongReport()
    {
        var text = new StringBuilder();
        while (text.Length < 100_000)
        {
            text.Append("右肺上叶见结节影大小约8mm左肺下叶见斑片影考虑炎症不除外肿瘤");
        }

        return text.ToString(0, 100_000);
    }

    [Theory]
    [InlineData(AnnotationType.Highlight)]
    [InlineData(AnnotationType.Extraction)]
    [InlineData(AnnotationType.Classification)]
    [InlineData(AnnotationType.Scoring)]
    public void Analyze_CancelledToken_ThrowsWithThatToken(AnnotationType type)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => RulesEngine.Default.Analyze(LongReport(), type, ReportLanguage.Zh, cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public void Analyze_ThroughTheInterface_HonoursTheToken()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        IRulesEngine engine = RulesEngine.Default;

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Analyze(LongReport(), AnnotationType.Highlight, ReportLanguage.Zh, cts.Token));
    }

    [Fact]
    public void Ground_CancelledToken_StopsBeforeTheFirstItem()
    {
        var report = LongReport();
        var content = RulesEngine.Default.Analyze(report, AnnotationType.Highlight, ReportLanguage.Zh);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => Grounder.Ground(report, content, options: null, cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public void ItemCap_LongRepetitiveReport_CutsEveryListAndMarksTruncated()
    {
        var report = LongReport();

        var highlights = (HighlightContent)ItemCap.Apply(RulesEngine.Default.Analyze(report, AnnotationType.Highlight, ReportLanguage.Zh), 100);
        var extraction = (ExtractionContent)ItemCap.Apply(RulesEngine.Default.Analyze(report, AnnotationType.Extraction, ReportLanguage.Zh), 100);

        Assert.True(highlights.Truncated);
        Assert.Equal(100, highlights.Highlights.Count);
        Assert.True(extraction.Truncated);
        Assert.Equal(100, extraction.Measurements.Count);
        Assert.Equal(extraction.Findings.Count, extraction.FindingDetails.Count);
    }

    [Fact]
    public void ItemCap_ShortReport_LeavesContentAsItIs()
    {
        var content = RulesEngine.Default.Analyze("右肺上叶见一结节，大小约8mm。", AnnotationType.Highlight, ReportLanguage.Zh);

        Assert.Same(content, ItemCap.Apply(content, 100));
        Assert.False(content.Truncated);
    }
}
