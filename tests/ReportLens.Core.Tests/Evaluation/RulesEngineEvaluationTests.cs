using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Evaluation;

/// <summary>
/// The built-in engine against the gold corpus. The floors sit a little under what it achieves today
/// (docs/evaluation.md): they catch regressions, and are raised when the engine gets better.
/// </summary>
public sealed class RulesEngineEvaluationTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
        Evaluator.Evaluate(GoldFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl")).Select(Run)));

    [Fact]
    public void RulesEngine_OnGoldCorpus_KeepsNegationFloors()
    {
        Assert.True(Report.Value.Negation.Accuracy >= 0.95, $"negation accuracy {Report.Value.Negation.Accuracy:F3}");
        Assert.True(Report.Value.Negation.Coverage >= 0.88, $"negation coverage {Report.Value.Negation.Coverage:F3}");
    }

    [Fact]
    public void RulesEngine_OnGoldCorpus_KeepsSpanFloors()
    {
        var report = Report.Value;
        Assert.True(report.MeasurementValues.F1 >= 0.92, $"measurement F1 {report.MeasurementValues.F1:F3}");
        Assert.True(report.Measurements.F1 >= 0.95, $"measurement span F1 {report.Measurements.F1:F3}");
        Assert.True(report.HighlightOverlap.F1 >= 0.76, $"abnormal highlight overlap F1 {report.HighlightOverlap.F1:F3}");
        Assert.True(report.Findings.F1 >= 0.84, $"findings F1 {report.Findings.F1:F3}");
        Assert.True(report.Locations.F1 >= 0.69, $"locations F1 {report.Locations.F1:F3}");
    }

    [Theory]
    [InlineData("紧急程度", 0.75)]
    [InlineData("检查部位", 0.90)]
    [InlineData("检查类型", 0.95)]
    [InlineData("是否需要随访", 0.93)]
    [InlineData("是否需要进一步检查", 0.83)]
    public void RulesEngine_OnGoldCorpus_KeepsClassificationFloor(string dimension, double floor)
    {
        var accuracy = Report.Value.Classification.Single(d => d.Dimension == dimension).Accuracy;

        Assert.True(accuracy >= floor, $"{dimension} accuracy {accuracy:F3} < {floor}");
    }

    [Fact]
    public void RulesEngine_OnGoldCorpus_IsFullyGroundedAndNeverFails()
    {
        Assert.Equal(1.0, Report.Value.GroundedFraction);
        Assert.Equal(0, Report.Value.SchemaFailures);
    }

    private static EvaluationInput Run(GoldReport gold)
    {
        var language = gold.Language == "zh" ? ReportLanguage.Zh : ReportLanguage.En;
        var all = RulesEngine.Default.AnalyzeAll(gold.Text, language);
        return new EvaluationInput
        {
            Gold = gold,
            Highlights = (HighlightContent)all[AnnotationType.Highlight],
            Classification = (ClassificationContent)all[AnnotationType.Classification],
            Extraction = (ExtractionContent)all[AnnotationType.Extraction],
        };
    }
}
