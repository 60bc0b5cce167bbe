using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// The rules engine over the gold corpus, scored by the Evaluator. The development set (gold.jsonl, 100 reports)
/// holds the issue-11 floors and the older per-dimension floors; the held-out files (every other gold*.jsonl,
/// written without running the engine) hold regression floors just under what the engine reaches there today —
/// the issue-11 targets are not yet met on them (docs/rules-engine.md has the table). Improve the lexicons and the
/// scope rules, never special-case a corpus sentence.
/// </summary>
public sealed class RulesEngineCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<GoldCorpusFile>> Corpus =
        new(() => GoldFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "data", "corpus")));

    private static readonly Lazy<EvaluationReport> Report = new(() => Evaluate(f => f.Name == DevelopmentFile));
    private static readonly Lazy<IReadOnlyDictionary<string, EvaluationReport>> HeldOutFiles = new(() =>
        Corpus.Value.Where(f => f.Name != DevelopmentFile).ToDictionary(f => f.Name, f => Evaluate(g => g.Name == f.Name)));
    private static readonly Lazy<EvaluationReport> Everything = new(() => Evaluate(_ => true));
    private const string DevelopmentFile = "gold.jsonl";

    [Fact]
    public void Evaluate_EveryGoldFile_IsLoadedAndScored()
    {
        foreach (var file in Corpus.Value)
        {
            output.WriteLine($"{file.Name}: {file.Reports.Count} reports");
        }

        Assert.Contains(Corpus.Value, f => f.Name == DevelopmentFile);
        Assert.Equal(Corpus.Value.Sum(f => f.Reports.Count), Everything.Value.ReportCount);
    }

    // The issue-11 floors, as the issue states them, on the development set.
    [Fact]
    public void Evaluate_Issue11Floors_NegationAccuracyAtLeast099()
    {
        var negation = Report.Value.Negation;
        Log();

        Assert.True(negation.Accuracy >= 0.99, $"negation accuracy {negation.Accuracy:F4} ({negation.Correct} of {negation.Matched}) < 0.99");
    }

    [Fact]
    public void Evaluate_Issue11Floors_NormalAbnormalModalityMeasurements()
    {
        var report = Report.Value;

        Assert.True(report.NormalAbnormal.Accuracy >= 0.95, $"normal/abnormal accuracy {report.NormalAbnormal.Accuracy:F3} < 0.95");
        var modality = report.Classification.Single(d => d.Dimension == "检查类型").Accuracy;
        Assert.True(modality >= 0.95, $"modality accuracy {modality:F3} < 0.95");
        Assert.True(report.MeasurementValues.F1 >= 0.99, $"measurement F1 {report.MeasurementValues.F1:F3} < 0.99");
    }

    [Fact]
    public void Evaluate_Issue11Floors_CriticalReportsAllFoundAndMostlyTrue()
    {
        var critical = Report.Value.CriticalReports;

        Assert.True(critical.Recall >= 1.0, $"危急 recall {critical.Recall:F3} ({critical.Matched} of {critical.Gold})");
        Assert.True(critical.Precision >= 0.9, $"危急 precision {critical.Precision:F3} ({critical.Matched} of {critical.Predicted})");
    }

    // Regression floors per held-out file, just under what the engine reaches there (docs/rules-engine.md has the
    // before/after table); raise a floor when the engine improves, never lower one to let a change through.
    [Theory]
    [InlineData("gold-en-chest.jsonl", 0.98, 0.9, 1.0, 0.98, 0.99, 0.99, 0.85)]
    [InlineData("gold-zh-2.jsonl", 0.97, 0.9, 1.0, 0.98, 0.99, 0.99, 0.8)]
    public void Evaluate_HeldOutFile_HoldsItsFloors(string file, double normalAbnormal, double criticalPrecision, double criticalRecall,
        double modality, double measurementValues, double negation, double urgency)
    {
        var report = HeldOutFiles.Value[file];
        double Dimension(string name) => report.Classification.Single(d => d.Dimension == name).Accuracy;
        output.WriteLine($"{file}: normal/abnormal {report.NormalAbnormal.Accuracy:F3}; 危急 P {report.CriticalReports.Precision:F3} R {report.CriticalReports.Recall:F3}; "
            + $"检查类型 {Dimension("检查类型"):F3}; measurement values F1 {report.MeasurementValues.F1:F3}; negation {report.Negation.Accuracy:F3}; 紧急程度 {Dimension("紧急程度"):F3}");

        Assert.True(report.NormalAbnormal.Accuracy >= normalAbnormal, $"normal/abnormal accuracy {report.NormalAbnormal.Accuracy:F3} < {normalAbnormal}");
        Assert.True(report.CriticalReports.Precision >= criticalPrecision, $"危急 precision {report.CriticalReports.Precision:F3} < {criticalPrecision}");
        Assert.True(report.CriticalReports.Recall >= criticalRecall, $"危急 recall {report.CriticalReports.Recall:F3} < {criticalRecall}");
        Assert.True(Dimension("检查类型") >= modality, $"检查类型 accuracy {Dimension("检查类型"):F3} < {modality}");
        Assert.True(report.MeasurementValues.F1 >= measurementValues, $"measurement value F1 {report.MeasurementValues.F1:F3} < {measurementValues}");
        Assert.True(report.Negation.Accuracy >= negation, $"negation accuracy {report.Negation.Accuracy:F3} < {negation}");
        Assert.True(Dimension("紧急程度") >= urgency, $"紧急程度 accuracy {Dimension("紧急程度"):F3} < {urgency}");
    }

    // 危急 on every gold file, the held-out ones included (gold-zh-2: the hospital lists of critical.tsv — PE on
    // CTA, cord compression after a fracture, ruptured ectopic pregnancy, torsion, abruption, intussusception).
    [Fact]
    public void Evaluate_Issue11Floors_CriticalReportsAllFoundOnEveryGoldFile()
    {
        var critical = Everything.Value.CriticalReports;

        Assert.True(critical.Recall >= 1.0, $"危急 recall {critical.Recall:F3} ({critical.Matched} of {critical.Gold})");
        Assert.True(critical.Precision >= 0.9, $"危急 precision {critical.Precision:F3} ({critical.Matched} of {critical.Predicted})");
    }

    [Fact]
    public void Evaluate_FindingConfidence_IsCalibratedOnTheGoldCorpus()
    {
        var calibration = Everything.Value.Calibration;
        foreach (var bin in calibration.Bins.Where(b => b.Count > 0))
        {
            output.WriteLine($"[{bin.Lower:F1}, {bin.Upper:F1}) n={bin.Count} conf={bin.MeanConfidence:F3} acc={bin.Accuracy:F3}");
        }

        output.WriteLine($"ECE {calibration.ExpectedCalibrationError:F4} over {calibration.Count}");
        Assert.True(calibration.Count >= Everything.Value.Negation.Matched * 0.9, "most matched findings carry a confidence");
        Assert.True(calibration.ExpectedCalibrationError <= 0.05, $"ECE {calibration.ExpectedCalibrationError:F4} > 0.05");
    }

    [Fact]
    public void Evaluate_Negation_IsAccurateOnNearlyEveryGoldFinding()
    {
        var negation = Report.Value.Negation;
        Log();

        Assert.True(negation.Accuracy >= 0.97, $"negation accuracy {negation.Accuracy:F3}");
        Assert.True(negation.Coverage >= 0.95, $"negation coverage {negation.Coverage:F3}");
    }

    [Fact]
    public void Evaluate_Measurements_MatchGoldTextValueAndUnit()
    {
        var report = Report.Value;

        Assert.True(report.Measurements.F1 >= 0.97, $"measurement F1 {report.Measurements.F1:F3}");
        Assert.True(report.MeasurementValues.F1 >= 0.97, $"measurement value F1 {report.MeasurementValues.F1:F3}");
    }

    [Theory]
    [InlineData("紧急程度", 0.82)]
    [InlineData("检查部位", 0.95)]
    [InlineData("检查类型", 0.97)]
    [InlineData("是否需要随访", 0.94)]
    [InlineData("是否需要进一步检查", 0.88)]
    public void Evaluate_Classification_HoldsItsFloorPerDimension(string dimension, double floor)
    {
        var accuracy = Report.Value.Classification.Single(d => d.Dimension == dimension).Accuracy;

        Assert.True(accuracy >= floor, $"{dimension} accuracy {accuracy:F3} < {floor}");
    }

    [Fact]
    public void Evaluate_FindingsAndHighlights_OverlapTheGoldSpans()
    {
        var report = Report.Value;

        Assert.True(report.Findings.Recall >= 0.88, $"finding recall {report.Findings.Recall:F3}");
        Assert.True(report.Findings.Precision >= 0.9, $"finding precision {report.Findings.Precision:F3}");
        Assert.True(report.HighlightOverlap.F1 >= 0.8, $"abnormal highlight overlap F1 {report.HighlightOverlap.F1:F3}");
        Assert.True(report.Locations.F1 >= 0.78, $"location F1 {report.Locations.F1:F3}");
    }

    [Fact]
    public void Evaluate_EveryRulesItem_IsGrounded()
    {
        Assert.Equal(1.0, Report.Value.GroundedFraction);
        Assert.Equal(0, Report.Value.SchemaFailures);
    }

    private static EvaluationReport Evaluate(Func<GoldCorpusFile, bool> files)
    {
        return Evaluator.Evaluate(Corpus.Value.Where(files).SelectMany(file => file.Reports).Select(gold =>
        {
            LanguageDetector.TryParse(gold.Language, out var language);
            var all = RulesEngine.Default.AnalyzeAll(gold.Text, language);
            return new EvaluationInput
            {
                Gold = gold,
                Highlights = (HighlightContent)all[AnnotationType.Highlight],
                Classification = (ClassificationContent)all[AnnotationType.Classification],
                Extraction = (ExtractionContent)all[AnnotationType.Extraction],
            };
        }));
    }

    private void Log()
    {
        var r = Report.Value;
        output.WriteLine($"reports {r.ReportCount}; negation acc {r.Negation.Accuracy:F3} cov {r.Negation.Coverage:F3}");
        output.WriteLine($"findings P {r.Findings.Precision:F3} R {r.Findings.Recall:F3}; highlight overlap F1 {r.HighlightOverlap.F1:F3} exact F1 {r.HighlightExact.F1:F3}");
        output.WriteLine($"normal/abnormal {r.NormalAbnormal.Accuracy:F3}; 危急 P {r.CriticalReports.Precision:F3} R {r.CriticalReports.Recall:F3}");
        output.WriteLine($"measurements F1 {r.Measurements.F1:F3} values F1 {r.MeasurementValues.F1:F3}; locations F1 {r.Locations.F1:F3}");
        foreach (var d in r.Classification)
        {
            output.WriteLine($"{d.Dimension} {d.Accuracy:F3}");
        }
    }
}
