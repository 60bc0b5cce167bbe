using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

/// <summary>The figures behind `reportlens eval` and the Evaluation page: F1, per-class figures and bootstrap intervals, worked by hand.</summary>
public sealed class EvaluatorScoreTests
{
    [Fact]
    public void PrecisionRecall_HandWorked_F1IsHarmonicMean()
    {
        // 3 predicted, 4 gold, 2 matched: P = 2/3, R = 1/2, F1 = 2·(2/3)·(1/2) / (2/3 + 1/2) = 4/7.
        var score = new PrecisionRecall(3, 4, 2);

        Assert.Equal(2 / 3.0, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
        Assert.Equal(4 / 7.0, score.F1, 12);
        Assert.Equal(0, new PrecisionRecall(2, 2, 0).F1);
    }

    [Fact]
    public void Score_PerClass_HandWorkedUrgencies()
    {
        // Gold 正常, 危急, 正常; predicted 正常, 正常, 危急.
        // 正常: predicted 2, gold 2, matched 1 → P 1/2, R 1/2, F1 1/2. 危急: predicted 1, gold 1, matched 0 → F1 0.
        var inputs = new[] { Urgent("a", "正常", "正常"), Urgent("b", "危急", "正常"), Urgent("c", "正常", "危急") };

        var figures = Evaluator.Score(inputs, new BootstrapSettings(Iterations: 50)).Figures;

        var normal = Assert.Single(figures.PerClass, c => c.Dimension == ClassificationVocabulary.Urgency && c.Class == "正常").Score;
        Assert.Equal(new PrecisionRecall(2, 2, 1), normal);
        Assert.Equal(0.5, normal.F1, 12);
        var critical = Assert.Single(figures.PerClass, c => c.Dimension == ClassificationVocabulary.Urgency && c.Class == "危急").Score;
        Assert.Equal(new PrecisionRecall(1, 1, 0), critical);
        Assert.Equal(0, critical.F1);
        // 正常 comes before 危急: the vocabulary's order.
        Assert.True(figures.PerClass.ToList().IndexOf(figures.PerClass.First(c => c.Class == "正常"))
            < figures.PerClass.ToList().IndexOf(figures.PerClass.First(c => c.Class == "危急")));
        Assert.Equal(1 / 3.0, figures.Metric("classification: 紧急程度")!.Value!.Value, 12);
    }

    [Fact]
    public void Score_MetricsAreTheReportsValues()
    {
        var inputs = new[] { Urgent("a", "正常", "正常"), Urgent("b", "危急", "正常") };

        var scored = Evaluator.Score(inputs, new BootstrapSettings(Iterations: 20));

        Assert.Equal(EvaluationMetrics.All.Select(m => m.Name), scored.Figures.Metrics.Select(m => m.Name));
        foreach (var metric in EvaluationMetrics.All)
        {
            Assert.Equal(metric.Value(Evaluator.Evaluate(inputs)), scored.Figures.Metric(metric.Name)!.Value);
        }

        Assert.Null(scored.Figures.Metric("latency p50 (ms)")!.Interval);
    }

    [Fact]
    public void Score_Bootstrap_HandWorkedTwoReportInterval()
    {
        // One report right, one wrong: a resample's accuracy is 0 (both wrong, p = 1/4), 1/2 or 1 (p = 1/4). Over
        // 1,000 resamples both extremes appear far more than 2.5 % of the time, so the 95 % interval is [0, 1].
        var inputs = new[] { Urgent("a", "正常", "正常"), Urgent("b", "危急", "正常") };

        var interval = Evaluator.Score(inputs).Figures.Metric("classification: 紧急程度")!.Interval;

        Assert.Equal(new ConfidenceInterval(0, 1), interval);
    }

    [Fact]
    public void Score_Bootstrap_SameSeedSameIntervals_OtherSeedOtherIntervals()
    {
        var inputs = Enumerable.Range(0, 40)
            .Select(i => Urgent($"r{i}", i % 3 == 0 ? "危急" : "正常", i % 5 == 0 ? "危急" : "正常"))
            .ToArray();

        var first = Intervals(Evaluator.Score(inputs, new BootstrapSettings(Iterations: 300, Seed: 7)));
        var again = Intervals(Evaluator.Score(inputs, new BootstrapSettings(Iterations: 300, Seed: 7)));
        var other = Intervals(Evaluator.Score(inputs, new BootstrapSettings(Iterations: 300, Seed: 8)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var accuracy = Evaluator.Score(inputs).Figures.Metric("classification: 紧急程度")!;
        Assert.InRange(accuracy.Value!.Value, accuracy.Interval!.Low, accuracy.Interval.High);
        Assert.True(accuracy.Interval.Low < accuracy.Interval.High);
    }

    [Fact]
    public void Score_Bootstrap_EveryReportRight_IntervalIsOne()
    {
        var inputs = Enumerable.Range(0, 10).Select(i => Urgent($"r{i}", "正常", "正常")).ToArray();

        var interval = Evaluator.Score(inputs).Figures.Metric("classification: 紧急程度")!.Interval;

        Assert.Equal(new ConfidenceInterval(1, 1), interval);
    }

    [Fact]
    public void Score_NoReports_HasNoIntervals()
    {
        var figures = Evaluator.Score([]).Figures;

        Assert.All(figures.Metrics, m => Assert.Null(m.Interval));
        Assert.Equal(0, figures.ReportCount);
    }

    private static string Intervals(ScoredEvaluation scored) =>
        string.Join(";", scored.Figures.Metrics.Select(m => $"{m.Interval?.Low:R},{m.Interval?.High:R}"));

    private static EvaluationInput Urgent(string id, string gold, string predicted) => new()
    {
        Gold = new GoldReport { Id = id, Text = "胸部CT。", Language = "zh", Modality = "CT", BodyPart = "胸部", Urgency = gold },
        Attempted = [AnnotationType.Classification],
        Classification = new ClassificationContent
        {
            Classifications = [new ClassificationItem { Dimension = ClassificationVocabulary.Urgency, Category = predicted }],
        },
    };
}
