using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineHighlightTests
{
    private const string SeedExample = "双肺纹理增多，心胸比例约0.48，未见明显实质性病变。";

    [Fact]
    public void Analyze_SeedExample_HighlightsAbnormalMeasurementAndLocation()
    {
        var highlights = Rules.Highlight(SeedExample).Highlights;

        Assert.Contains(highlights, h => h is { Text: "双肺纹理增多", Category: HighlightCategories.Abnormal, Start: 0, End: 6, Negated: false });
        Assert.Contains(highlights, h => h is { Text: "心胸比例约0.48", Category: HighlightCategories.Measurement, Start: 7, End: 16 });
        Assert.Contains(highlights, h => h is { Text: "双肺", Category: HighlightCategories.Location, Start: 0, End: 2 });
    }

    [Fact]
    public void Analyze_NegatedFinding_IsNeverHighlightedAsAbnormal()
    {
        var highlights = Rules.Highlight(SeedExample).Highlights;

        var lesion = Assert.Single(highlights, h => h.Text.Contains("实质性病变", StringComparison.Ordinal));
        Assert.True(lesion.Negated);
        Assert.Equal(HighlightCategories.Diagnosis, lesion.Category);
        Assert.Contains("未见明显", lesion.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(highlights, h => h.Category == HighlightCategories.Abnormal && h.Negated);
    }

    [Fact]
    public void Analyze_ImpressionSentences_AreDiagnosisHighlights()
    {
        const string report = "检查所见：右肺上叶见磨玻璃结节。\n诊断意见：右肺上叶磨玻璃结节，建议随访。";

        var diagnosis = Assert.Single(Rules.Highlight(report).Highlights, h => h.Category == HighlightCategories.Diagnosis);

        Assert.Equal("右肺上叶磨玻璃结节，建议随访", diagnosis.Text);
    }

    [Fact]
    public void Analyze_UncertainFinding_IsAbnormalAndUncertainWithTheCueInTheReason()
    {
        var highlight = Assert.Single(Rules.Highlight("Possible small left pneumothorax.", ReportLanguage.En).Highlights,
            h => h.Category == HighlightCategories.Abnormal);

        Assert.True(highlight.Uncertain);
        Assert.Contains("Possible", highlight.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Highlights_AreSortedAndFromTheRulesEngine()
    {
        var highlights = Rules.Highlight(SeedExample).Highlights;

        Assert.Equal(highlights.OrderBy(h => h.Start).Select(h => h.Start), highlights.Select(h => h.Start));
        Assert.All(highlights, h => Assert.Equal("rules", h.Source));
        Assert.All(highlights, h => Assert.Contains(h.Category, HighlightCategories.All));
    }
}
