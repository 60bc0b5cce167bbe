using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Evaluation;

/// <summary>Scores an engine's outputs against gold reports (metrics defined in docs/evaluation.md).</summary>
public static class Evaluator
{
    /// <summary>Gold fields the five classification dimensions are checked against.</summary>
    public static IReadOnlyList<string> Dimensions => ClassificationVocabulary.Dimensions;

    public static EvaluationReport Evaluate(IEnumerable<EvaluationInput> inputs) => Tally(inputs.Select(Ground));

    /// <summary>
    /// The report and the figures shown from it (every comparison-table metric with its bootstrap interval, per-class
    /// figures, reliability table): the one computation behind `reportlens eval` and the Evaluation page.
    /// </summary>
    public static ScoredEvaluation Score(IEnumerable<EvaluationInput> inputs, BootstrapSettings? bootstrap = null)
    {
        bootstrap ??= BootstrapSettings.Default;
        List<GroundedInput> grounded = [.. inputs.Select(Ground)];
        var report = Tally(grounded);
        var metrics = EvaluationMetrics.All;
        var intervals = Bootstrap.Intervals(grounded, metrics, bootstrap);
        var figures = new EvaluationFigures(
            report.ReportCount,
            [.. metrics.Select((m, i) => new MetricFigure(m.Name, m.Value(report), intervals[i], m.IsFraction, m.HigherIsBetter))],
            report.PerClass,
            report.Calibration,
            bootstrap);
        return new ScoredEvaluation(report, figures);
    }

    private static EvaluationReport Tally(IEnumerable<GroundedInput> inputs)
    {
        var tally = new EvaluationTally();
        foreach (var input in inputs)
        {
            tally.Add(input);
        }

        return tally.ToReport();
    }

    /// <summary>The gold class of a dimension, in the classification vocabulary.</summary>
    public static string Expected(GoldReport gold, string dimension) => dimension switch
    {
        ClassificationVocabulary.Urgency => gold.Urgency,
        ClassificationVocabulary.BodyPart => gold.BodyPart,
        ClassificationVocabulary.Modality => gold.Modality,
        ClassificationVocabulary.FollowUp => ClassificationVocabulary.YesNo(gold.FollowUp),
        ClassificationVocabulary.FurtherExam => ClassificationVocabulary.YesNo(gold.FurtherExam),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a classification dimension"),
    };

    // What users see is grounded content, so it is what gets scored; grounding is idempotent. A type the gold
    // record does not cover (an exported record whose review covered other types) is not scored.
    private static GroundedInput Ground(EvaluationInput input)
    {
        if (input.Attempted.Any(t => !input.Gold.Covers(t)))
        {
            input = input with { Attempted = [.. input.Attempted.Where(input.Gold.Covers)] };
        }

        var text = input.Gold.Text;
        var highlights = Attempted(input, AnnotationType.Highlight, input.Highlights) is { } h ? Grounder.Ground(text, h) : null;
        var classification = Attempted(input, AnnotationType.Classification, input.Classification) is { } c ? Grounder.Ground(text, c) : null;
        var extraction = Attempted(input, AnnotationType.Extraction, input.Extraction) is { } e ? Grounder.Ground(text, e) : null;
        return new GroundedInput(input, highlights, classification, extraction);
    }

    private static AnnotationContent? Attempted(EvaluationInput input, AnnotationType type, AnnotationContent? content) =>
        input.Attempted.Contains(type) ? content : null;
}
