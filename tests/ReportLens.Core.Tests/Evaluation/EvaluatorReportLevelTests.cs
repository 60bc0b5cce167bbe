using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

/// <summary>Normal/abnormal accuracy, 危急 precision/recall and CheXpert scores on a hand-computed example.</summary>
public sealed class EvaluatorReportLevelTests
{
    private static GoldReport Gold(string id, string urgency, IReadOnlyDictionary<string, string>? chexpert = null) => new()
    {
        Id = id,
        Text = "FINDINGS: text.",
        Language = "en",
        Modality = "X-Ray",
        BodyPart = "胸部",
        Urgency = urgency,
        Chexpert = chexpert,
    };

    private static EvaluationInput Predict(GoldReport gold, string? urgency, params (string Observation, string Label)[] chexpert) => new()
    {
        Gold = gold,
        Attempted = [AnnotationType.Classification],
        Classification = urgency is null
            ? null
            : new ClassificationContent
            {
                Classifications =
                [
                    new ClassificationItem { Dimension = ClassificationVocabulary.Urgency, Category = urgency },
                    .. chexpert.Select(c => new ClassificationItem { Dimension = ChexpertVocabulary.Dimension(c.Observation), Category = c.Label }),
                ],
            },
    };

    [Fact]
    public void Evaluate_UrgencyVerdicts_ScoreNormalAbnormalAndCriticalReports()
    {
        var report = Evaluator.Evaluate(
        [
            Predict(Gold("a", "正常"), "正常"),         // normal right
            Predict(Gold("b", "异常轻微"), "异常中度"), // abnormal right (level wrong)
            Predict(Gold("c", "危急"), "危急"),         // critical found
            Predict(Gold("d", "危急"), "异常严重"),     // critical missed
            Predict(Gold("e", "异常中度"), "危急"),     // false alarm
            Predict(Gold("f", "正常"), null),           // failed: wrong
        ]);

        Assert.Equal((5, 6), (report.NormalAbnormal.Correct, report.NormalAbnormal.Total));
        Assert.Equal(new PrecisionRecall(2, 2, 1), report.CriticalReports);
    }

    [Fact]
    public void Evaluate_ChexpertGold_ScoresEachObservationAndMacroF1OnPositive()
    {
        var labelled = Gold("a", "异常中度", new Dictionary<string, string> { ["Cardiomegaly"] = "positive", ["Pneumothorax"] = "negative" });
        var second = Gold("b", "异常中度", new Dictionary<string, string> { ["Edema"] = "uncertain", ["Cardiomegaly"] = "positive" });
        var report = Evaluator.Evaluate(
        [
            Predict(labelled, "异常中度", ("Cardiomegaly", "positive"), ("Pneumothorax", "negative"), ("Edema", "positive")),
            Predict(second, "异常中度", ("Edema", "uncertain")),
            Predict(Gold("c", "正常"), "正常", ("Edema", "positive")), // no chexpert gold: not scored
        ]);

        var chexpert = report.Chexpert;
        Assert.Equal(2, chexpert.Reports);
        Assert.Equal(0.5, chexpert.Accuracy.Single(a => a.Dimension == "Cardiomegaly").Accuracy);
        Assert.Equal(0.5, chexpert.Accuracy.Single(a => a.Dimension == "Edema").Accuracy);
        Assert.Equal(1.0, chexpert.Accuracy.Single(a => a.Dimension == "Pneumothorax").Accuracy);
        Assert.Equal(1.0, chexpert.Accuracy.Single(a => a.Dimension == "Fracture").Accuracy);
        // Positive F1: Cardiomegaly P 1 R 0.5 → 0.667; Edema P 0 R 1 (no gold positive) → 0; others have no positive.
        Assert.Equal((2 / 3.0 + 0) / 2, chexpert.MacroF1Positive!.Value, 9);
    }
}
