using ReportLens.Core.Annotations;
using ReportLens.Core.Merging;

namespace ReportLens.Core.Tests.Merging;

public sealed class EngineMergerTests
{
    private const string Report = "右肺上叶见结节，大小约3.2cm×2.1cm。左肺未见明显结节。肝脏未见异常。";

    private static HighlightItem Item(string text, string category, bool negated = false) =>
        new() { Text = text, Category = category, Negated = negated, Start = 0, End = 0 };

    [Fact]
    public void Merge_Highlights_MarksAgreementAndReportsNegationContradiction()
    {
        var llm = new HighlightContent
        {
            Highlights =
            [
                Item("右肺上叶见结节", HighlightCategories.Abnormal),
                Item("3.2 cm x 2.1 cm", HighlightCategories.Measurement),
                Item("左肺未见明显结节", HighlightCategories.Abnormal),
                Item("肝内囊肿", HighlightCategories.Abnormal),
            ],
        };
        var rules = new HighlightContent
        {
            Highlights =
            [
                Item("右肺上叶见结节", HighlightCategories.Abnormal),
                Item("3.2cm×2.1cm", HighlightCategories.Measurement),
                Item("左肺未见明显结节", HighlightCategories.Abnormal, negated: true),
                Item("肝脏", HighlightCategories.Location),
            ],
        };

        var result = GroundedMerge.Of(Report, llm, rules);
        var items = ((HighlightContent)result.Content).Highlights;

        Assert.Equal(2 / 6.0, result.AgreementRatio, 6);
        var contradiction = Assert.Single(result.Contradictions);
        Assert.Equal(Contradiction.LlmAbnormalRulesNegated, contradiction.Kind);
        Assert.Equal(Report.IndexOf("左肺", StringComparison.Ordinal), contradiction.Start);
        Assert.Equal(6, items.Count);
        Assert.Equal(
            [("右肺上叶见结节", "both"), ("3.2 cm x 2.1 cm", "both"), ("左肺未见明显结节", "llm"), ("左肺未见明显结节", "rules"), ("肝脏", "rules"), ("肝内囊肿", "llm")],
            items.Select(i => (i.Text, i.Source!)));
        Assert.Equal([true, true, false, false, false, false], items.Select(i => i.Agreed));
    }

    [Fact]
    public void Merge_Extraction_PairsBySpanAndComparesValues()
    {
        var llm = new ExtractionContent
        {
            FindingDetails = [new Finding { Text = "左肺未见明显结节", Abnormal = true }, new Finding { Text = "右肺上叶见结节" }],
            Measurements = [new Measurement { Item = "结节", Value = "3.5×2.1", Unit = "cm", Text = "3.2cm×2.1cm" }],
            Locations = ["右肺上叶"],
            Impression = "右肺上叶结节",
        };
        var rules = new ExtractionContent
        {
            FindingDetails = [new Finding { Text = "右肺上叶见结节", Abnormal = true }, new Finding { Text = "未见明显结节", Negated = true }],
            Measurements = [new Measurement { Item = "size", Value = "3.2×2.1", Unit = "cm", Text = "3.2cm×2.1cm" }],
            Locations = ["右肺上叶", "肝脏"],
        };

        var result = GroundedMerge.Of(Report, llm, rules);
        var merged = (ExtractionContent)result.Content;

        // agreed: the right-lung finding and the right-upper-lobe location; distinct items 4 + 5 − 2.
        Assert.Equal(2 / 7.0, result.AgreementRatio, 6);
        Assert.Equal(Contradiction.LlmAbnormalRulesNegated, Assert.Single(result.Contradictions).Kind);
        Assert.Equal([("左肺未见明显结节", "llm"), ("右肺上叶见结节", "both"), ("未见明显结节", "rules")], merged.FindingDetails.Select(f => (f.Text, f.Source!)));
        Assert.True(merged.FindingDetails[1].Abnormal);
        Assert.Equal(["llm", "rules"], merged.Measurements.Select(m => m.Source!));
        Assert.Equal([("右肺上叶", true), ("肝脏", false)], merged.LocationDetails.Select(l => (l.Text, l.Agreed)));
        Assert.Equal(["右肺上叶", "肝脏"], merged.Locations);
        Assert.Equal("右肺上叶结节", merged.Impression);
    }

    [Fact]
    public void Merge_Classification_AgreesPerDimensionAndResolvesTowardsSafety()
    {
        static ClassificationContent Of(params (string Dimension, string Category)[] items) =>
            new() { Classifications = [.. items.Select(i => new ClassificationItem { Dimension = i.Dimension, Category = i.Category, Confidence = 0.5 })] };
        var llm = Of(("紧急程度", "异常轻微"), ("检查部位", "胸部"), ("检查类型", "CT"), ("是否需要随访", "否"));
        var rules = Of(("紧急程度", "危急"), ("检查部位", "胸部"), ("检查类型", "X-Ray"), ("是否需要随访", "是"), ("是否需要进一步检查", "否"));

        var result = GroundedMerge.Of(Report, llm, rules);
        var merged = ((ClassificationContent)result.Content).Classifications.ToDictionary(c => c.Dimension, c => c.Category);

        Assert.Equal(1 / 5.0, result.AgreementRatio, 6);
        Assert.Equal("危急", merged["紧急程度"]);
        Assert.Equal("胸部", merged["检查部位"]);
        Assert.Equal("CT", merged["检查类型"]);
        Assert.Equal("是", merged["是否需要随访"]);
        Assert.Equal("否", merged["是否需要进一步检查"]);
        Assert.Empty(result.Contradictions);
    }

    [Fact]
    public void Merge_Scoring_KeepsRulesScoresAndLlmReasonsWithinTolerance()
    {
        var llm = new ScoringContent
        {
            Scores = [new ScoreItem { Dimension = "报告完整性", Score = 88, Reason = "llm-a" }, new ScoreItem { Dimension = "临床价值", Score = 50, Reason = "llm-b" }],
            OverallScore = 69,
        };
        var rules = new ScoringContent
        {
            Scores = [new ScoreItem { Dimension = "报告完整性", Score = 80, Reason = "rules-a" }, new ScoreItem { Dimension = "临床价值", Score = 90, Reason = "rules-b" }],
            OverallScore = 85,
        };

        var result = GroundedMerge.Of(Report, llm, rules);
        var merged = (ScoringContent)result.Content;

        Assert.Equal(0.5, result.AgreementRatio);
        Assert.Equal([(80, "llm-a"), (90, "rules-b")], merged.Scores.Select(s => (s.Score, s.Reason)));
        Assert.Equal(85, merged.OverallScore);
    }

    [Fact]
    public void Merge_DifferentTypes_Throws() =>
        Assert.Throws<ArgumentException>(() => GroundedMerge.Of(Report, new HighlightContent(), new ScoringContent()));

    [Fact]
    public void Merge_BothEmpty_AgreeFully() =>
        Assert.Equal(1.0, GroundedMerge.Of(Report, new HighlightContent(), new HighlightContent()).AgreementRatio);

    [Fact]
    public void Merge_ExtractionFindingListedUnnegatedWhereRulesNegate_IsContradiction()
    {
        var llm = new ExtractionContent { Findings = ["明显结节", "右肺上叶见结节"] };
        var rules = new ExtractionContent
        {
            FindingDetails = [new Finding { Text = "结节", Negated = true, Grounding = TextLocatorAt(Report.IndexOf("明显结节", StringComparison.Ordinal) + 2) }],
        };

        var result = GroundedMerge.Of(Report, llm, rules);

        var contradiction = Assert.Single(result.Contradictions);
        Assert.Equal((Contradiction.LlmAbnormalRulesNegated, "明显结节", "结节"), (contradiction.Kind, contradiction.LlmText, contradiction.RulesText));
        Assert.Equal(0.0, result.AgreementRatio);
    }

    private static SpanGrounding TextLocatorAt(int start) => new() { Match = GroundingMatch.Exact, Start = start, End = start + 2 };
}
