using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private const string ZhText = "右肺上叶见结节，大小约3.2cm×2.1cm。左肺未见明显结节。肝脏未见异常。\n诊断意见：右肺上叶结节。";
    private const string EnText = "FINDINGS: No pneumothorax. Small left pleural effusion.\nIMPRESSION: Small left pleural effusion.";

    private static readonly GoldReport Zh = new()
    {
        Id = "zh-1",
        Text = ZhText,
        Language = "zh",
        Modality = "CT",
        BodyPart = "胸部",
        Urgency = "异常轻微",
        FollowUp = true,
        // "结节" is listed three times and occurs three times: the k-th listing is the k-th occurrence.
        Findings =
        [
            new GoldFinding { Text = "结节", Abnormal = true },
            new GoldFinding { Text = "结节", Negated = true },
            new GoldFinding { Text = "结节", Abnormal = true },
        ],
        Measurements = [new GoldMeasurement { Text = "3.2cm×2.1cm", Value = "3.2×2.1", Unit = "cm" }],
        Locations = ["右肺上叶", "左肺", "肝脏"],
    };

    private static readonly GoldReport En = new()
    {
        Id = "en-1",
        Text = EnText,
        Language = "en",
        Modality = "X-Ray",
        BodyPart = "胸部",
        Urgency = "异常轻微",
        Findings =
        [
            new GoldFinding { Text = "pneumothorax", Negated = true },
            new GoldFinding { Text = "pleural effusion", Abnormal = true },
            new GoldFinding { Text = "pleural effusion", Abnormal = true },
        ],
        Locations = ["left"],
    };

    private static EvaluationInput ZhPrediction() => new()
    {
        Gold = Zh,
        LatencyMs = 1000,
        CompletionTokens = 200,
        Highlights = new HighlightContent
        {
            Highlights =
            [
                new HighlightItem { Text = "右肺上叶见结节", Category = HighlightCategories.Abnormal },
                new HighlightItem { Text = "结节", Category = HighlightCategories.Diagnosis, Start = ZhText.LastIndexOf("结节", StringComparison.Ordinal) },
                new HighlightItem { Text = "左肺未见明显结节", Category = HighlightCategories.Abnormal, Negated = true },
                new HighlightItem { Text = "肝脏", Category = HighlightCategories.Abnormal },
            ],
        },
        Classification = new ClassificationContent
        {
            Classifications =
            [
                new ClassificationItem { Dimension = "紧急程度", Category = "异常轻微" },
                new ClassificationItem { Dimension = "检查部位", Category = "胸部" },
                new ClassificationItem { Dimension = "检查类型", Category = "MRI" },
                new ClassificationItem { Dimension = "是否需要随访", Category = "是" },
                new ClassificationItem { Dimension = "是否需要进一步检查", Category = "是" },
            ],
        },
        Extraction = new ExtractionContent
        {
            FindingDetails = [new Finding { Text = "右肺上叶见结节" }, new Finding { Text = "未见明显结节", Negated = true }],
            Measurements = [new Measurement { Item = "结节", Value = "3.2×2.1", Unit = "cm", Text = "3.2cm×2.1cm" }],
            Locations = ["右肺上叶", "肺门"],
        },
    };

    private static EvaluationInput EnPrediction() => new()
    {
        Gold = En,
        LatencyMs = 3000,
        CompletionTokens = 400,
        Highlights = new HighlightContent
        {
            Highlights = [new HighlightItem { Text = "pneumothorax", Category = HighlightCategories.Abnormal }],
        },
    };

    [Fact]
    public void Evaluate_HandMadeGold_MatchesHandComputedMetrics()
    {
        var report = Evaluator.Evaluate([ZhPrediction(), EnPrediction()]);

        Assert.Equal(2, report.ReportCount);
        Assert.Equal(
            [("紧急程度", 1), ("检查部位", 1), ("检查类型", 0), ("是否需要随访", 1), ("是否需要进一步检查", 0)],
            report.Classification.Select(d => (d.Dimension, d.Correct)));
        Assert.All(report.Classification, d => Assert.Equal(2, d.Total));
        Assert.Equal(new PrecisionRecall(4, 4, 1), report.HighlightExact);
        Assert.Equal(new PrecisionRecall(4, 4, 2), report.HighlightOverlap);
        Assert.Equal(0.5, report.HighlightOverlap.F1);
        Assert.Equal(new PrecisionRecall(2, 6, 2), report.Findings);
        Assert.Equal(new PrecisionRecall(1, 1, 1), report.Measurements);
        Assert.Equal(new PrecisionRecall(1, 1, 1), report.MeasurementValues);
        Assert.Equal(new PrecisionRecall(2, 4, 1), report.Locations);
        Assert.Equal(new NegationScore(6, 4, 3), report.Negation);
        Assert.Equal(0.75, report.Negation.Accuracy);
        Assert.Equal(0.9, report.GroundedFraction, 6);
        Assert.Equal((6, 2), (report.Attempts, report.SchemaFailures));
        Assert.Equal(1 / 3.0, report.SchemaFailureRate, 6);
        Assert.Equal((1000, 3000), (report.LatencyP50Ms, report.LatencyP95Ms));
        Assert.Equal(150, report.TokensPerSecond);
    }

    [Fact]
    public void Evaluate_WrongMeasurementValue_CountsForSpanButNotForValue()
    {
        var input = ZhPrediction() with
        {
            Extraction = new ExtractionContent { Measurements = [new Measurement { Item = "结节", Value = "3.5×2.1", Unit = "cm", Text = "3.2cm×2.1cm" }] },
        };

        var report = Evaluator.Evaluate([input]);

        Assert.Equal(1, report.Measurements.Matched);
        Assert.Equal(0, report.MeasurementValues.Matched);
        Assert.Equal(0, report.MeasurementValues.F1);
    }

    [Fact]
    public void Evaluate_OnlyHighlightsAttempted_ScoresNothingElse()
    {
        var input = EnPrediction() with { Attempted = [AnnotationType.Highlight] };

        var report = Evaluator.Evaluate([input]);

        Assert.Equal((1, 0), (report.Attempts, report.SchemaFailures));
        Assert.All(report.Classification, d => Assert.Equal(0, d.Total));
        Assert.Equal(PrecisionRecall.Zero, report.Findings);
        Assert.Equal(new NegationScore(3, 1, 0), report.Negation);
    }

    [Fact]
    public void Evaluate_GoldReviewedOnHighlightsOnly_ScoresOnlyHighlightsOfThatRecord()
    {
        var input = EnPrediction() with { Gold = En with { Reviewed = [AnnotationType.Highlight] } };

        var report = Evaluator.Evaluate([input, ZhPrediction()]);

        Assert.Equal((4, 0), (report.Attempts, report.SchemaFailures));
        Assert.All(report.Classification, d => Assert.Equal(1, d.Total));
        Assert.Equal(new PrecisionRecall(2, 3, 2), report.Findings);
    }

    [Fact]
    public void Evaluate_NoInputs_IsEmptyNotBroken()
    {
        var report = Evaluator.Evaluate([]);

        Assert.Equal(0, report.ReportCount);
        Assert.Equal((0.0, 0.0), (report.LatencyP50Ms, report.LatencyP95Ms));
        Assert.Null(report.TokensPerSecond);
        Assert.Equal(1.0, report.GroundedFraction);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 50, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 50, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 95, 10)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, 95, 19)]
    public void Percentile_NearestRank_PicksTheRankedValue(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, EvaluationTally.Percentile(sorted, p));

    [Fact]
    public void Evaluate_GoldStart_PinsTheOccurrenceMeant()
    {
        const string text = "左侧胸腔未见积液。右侧胸腔少量积液。";
        var second = text.LastIndexOf("积液", StringComparison.Ordinal);
        var gold = new GoldReport
        {
            Id = "pin",
            Text = text,
            Language = "zh",
            Modality = "CT",
            BodyPart = "胸部",
            Urgency = "异常轻微",
            Findings = [new GoldFinding { Text = "积液", Abnormal = true, Start = second }],
        };
        EvaluationInput Predict(int start) => new()
        {
            Gold = gold,
            Attempted = [AnnotationType.Highlight],
            Highlights = new HighlightContent { Highlights = [new HighlightItem { Text = "积液", Category = HighlightCategories.Abnormal, Start = start }] },
        };

        Assert.Equal(0, Evaluator.Evaluate([Predict(text.IndexOf("积液", StringComparison.Ordinal))]).HighlightExact.Matched);
        Assert.Equal(1, Evaluator.Evaluate([Predict(second)]).HighlightExact.Matched);
    }
}
