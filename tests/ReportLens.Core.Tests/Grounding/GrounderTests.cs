using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Json;

namespace ReportLens.Core.Tests.Grounding;

public sealed class GrounderTests
{
    private const string Report = "影像所见：右肺上叶见结节，大小约3.2cm×2.1cm。左肺未见明显结节。\n诊断意见：右肺上叶结节，建议随访。";

    [Fact]
    public void Ground_HighlightsWithWrongOffsets_CorrectsSpansAndFlagsInventedItems()
    {
        var content = new HighlightContent
        {
            Highlights =
            [
                new HighlightItem { Text = "右肺上叶见结节", Category = HighlightCategories.Abnormal, Start = 3, End = 9 },
                new HighlightItem { Text = "3.2 cm x 2.1 cm", Category = HighlightCategories.Measurement, Start = 0, End = 5 },
                new HighlightItem { Text = "肝内多发囊肿", Category = HighlightCategories.Abnormal, Start = 20, End = 26 },
            ],
        };

        var result = Grounder.Ground(Report, content);
        var items = ((HighlightContent)result.Content).Highlights;

        Assert.Equal(3, result.ItemCount);
        Assert.Equal(2, result.GroundedCount);
        Assert.Equal(2 / 3.0, result.GroundedFraction, 6);
        Assert.Equal("右肺上叶见结节", Report[items[0].Start..items[0].End]);
        Assert.Equal(GroundingMatch.Exact, items[0].Grounding!.Match);
        Assert.Equal("3.2cm×2.1cm", Report[items[1].Start..items[1].End]);
        Assert.Equal(GroundingMatch.Normalized, items[1].Grounding!.Match);
        Assert.Equal("肝内多发囊肿", items[2].Text);
        Assert.Equal(GroundingMatch.None, items[2].Grounding!.Match);
        Assert.Equal((0, 0), (items[2].Start, items[2].End));
        Assert.True(Grounder.IsDisplayable(items[0]));
        Assert.True(Grounder.IsDisplayable(items[1]));
        Assert.False(Grounder.IsDisplayable(items[2]));
    }

    [Fact]
    public void Ground_RepeatedHighlightText_UsesOccurrenceNearestClaimedStart()
    {
        var second = Report.LastIndexOf("右肺上叶", StringComparison.Ordinal);
        var content = new HighlightContent
        {
            Highlights = [new HighlightItem { Text = "右肺上叶", Category = HighlightCategories.Location, Start = second - 2, End = second + 2 }],
        };

        var item = ((HighlightContent)Grounder.Ground(Report, content).Content).Highlights[0];

        Assert.Equal(second, item.Start);
        Assert.Equal(second + 4, item.End);
    }

    [Fact]
    public void Ground_ExtractionWithOnlyStrings_CreatesGroundedDetails()
    {
        var content = new ExtractionContent
        {
            Findings = ["右肺上叶见结节", "左肺未见明显结节"],
            Measurements =
            [
                new Measurement { Item = "结节大小", Value = "3.2×2.1", Unit = "cm" },
                new Measurement { Item = "结节大小", Value = "3.2", Unit = "cm", Text = "3.2cm" },
                new Measurement { Item = "肝脏", Value = "15", Unit = "cm" },
            ],
            Locations = ["右肺上叶", "左肺"],
            Impression = "右肺上叶结节，建议随访。",
        };

        var result = Grounder.Ground(Report, content);
        var extraction = (ExtractionContent)result.Content;

        Assert.Equal(["右肺上叶见结节", "左肺未见明显结节"], extraction.FindingDetails.Select(f => f.Grounding!.SourceText));
        Assert.Equal("3.2cm×2.1cm", extraction.Measurements[0].Grounding!.SourceText);
        Assert.Equal(GroundingMatch.Exact, extraction.Measurements[1].Grounding!.Match);
        Assert.True(extraction.Measurements[2].Grounding!.Ungrounded);
        Assert.Equal(["右肺上叶", "左肺"], extraction.LocationDetails.Select(l => l.Grounding!.SourceText));
        Assert.Equal(GroundingMatch.Exact, extraction.ImpressionDetails!.Grounding!.Match);
        Assert.Equal(8, result.ItemCount);
        Assert.Equal(7, result.GroundedCount);
    }

    [Fact]
    public void Ground_ClassificationEvidence_IsGroundedAndMissingEvidenceNotCounted()
    {
        var content = new ClassificationContent
        {
            Classifications =
            [
                new ClassificationItem { Dimension = "检查部位", Category = "胸部", Evidence = "右肺上叶" },
                new ClassificationItem { Dimension = "检查类型", Category = "CT" },
                new ClassificationItem { Dimension = "紧急程度", Category = "危急", Evidence = "张力性气胸" },
            ],
        };

        var result = Grounder.Ground(Report, content);
        var items = ((ClassificationContent)result.Content).Classifications;

        Assert.Equal((2, 1), (result.ItemCount, result.GroundedCount));
        Assert.Equal(GroundingMatch.Exact, items[0].EvidenceGrounding!.Match);
        Assert.Null(items[1].EvidenceGrounding);
        Assert.True(items[2].EvidenceGrounding!.Ungrounded);
    }

    [Fact]
    public void Ground_Scoring_HasNothingToGroundAndFractionOne()
    {
        var content = new ScoringContent { Scores = [new ScoreItem { Dimension = "报告完整性", Score = 80 }], OverallScore = 80 };

        var result = Grounder.Ground(Report, content);

        Assert.Same(content, result.Content);
        Assert.Equal((1.0, 0, 0), (result.GroundedFraction, result.ItemCount, result.GroundedCount));
    }

    [Fact]
    public void Ground_GroundedContent_ChangesNothing()
    {
        AnnotationContent[] contents =
        [
            new HighlightContent
            {
                Highlights =
                [
                    new HighlightItem { Text = "右肺上叶结界，建议", Category = HighlightCategories.Diagnosis, Start = 1 },
                    new HighlightItem { Text = "3.2CM", Category = HighlightCategories.Measurement, Start = 70 },
                    new HighlightItem { Text = "无中生有", Category = HighlightCategories.Abnormal, Start = 5, End = 9 },
                ],
            },
            new ExtractionContent
            {
                Findings = ["右肺上叶见结节"],
                Measurements = [new Measurement { Item = "size", Value = "3.2*2.1", Unit = "cm" }],
                Locations = ["左 肺"],
                Impression = "右肺上叶结节",
            },
        ];

        foreach (var content in contents)
        {
            var once = Grounder.Ground(Report, content);
            var twice = Grounder.Ground(Report, once.Content);

            Assert.Equal(ReportLensJson.SerializeContent(once.Content), ReportLensJson.SerializeContent(twice.Content));
            Assert.Equal(once.GroundedFraction, twice.GroundedFraction);
        }
    }
}
