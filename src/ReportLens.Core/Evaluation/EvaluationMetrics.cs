namespace ReportLens.Core.Evaluation;

/// <summary>The rows of the comparison table, in order: what `reportlens eval` prints and the Evaluation page shows.</summary>
public static class EvaluationMetrics
{
    public static IReadOnlyList<EvaluationMetric> All { get; } =
    [
        .. Evaluator.Dimensions.Select(d => new EvaluationMetric($"classification: {d}", r => r.Classification.FirstOrDefault(c => c.Dimension == d)?.Accuracy)),
        new("highlight span F1 (exact)", r => r.HighlightExact.F1),
        new("highlight span P (exact)", r => r.HighlightExact.Precision),
        new("highlight span R (exact)", r => r.HighlightExact.Recall),
        new("highlight span F1 (overlap)", r => r.HighlightOverlap.F1),
        new("highlight span P (overlap)", r => r.HighlightOverlap.Precision),
        new("highlight span R (overlap)", r => r.HighlightOverlap.Recall),
        new("extraction F1: findings", r => r.Findings.F1),
        new("extraction F1: measurements", r => r.Measurements.F1),
        new("extraction F1: measurement values", r => r.MeasurementValues.F1),
        new("extraction F1: locations", r => r.Locations.F1),
        new("normal/abnormal accuracy", r => r.NormalAbnormal.Total == 0 ? null : r.NormalAbnormal.Accuracy),
        new("危急 precision (reports)", r => r.CriticalReports.Precision),
        new("危急 recall (reports)", r => r.CriticalReports.Recall),
        new("CheXpert accuracy (mean of 14)", r => r.Chexpert.MeanAccuracy),
        new("CheXpert positive F1 (macro)", r => r.Chexpert.MacroF1Positive),
        new("negation accuracy", r => r.Negation.Accuracy),
        new("negation coverage", r => r.Negation.Coverage),
        new("confidence ECE", r => r.Calibration.Count == 0 ? null : r.Calibration.ExpectedCalibrationError, HigherIsBetter: false),
        new("grounded fraction", r => r.GroundedFraction),
        new("schema-failure rate", r => r.SchemaFailureRate, HigherIsBetter: false),
        new("latency p50 (ms)", r => r.LatencyP50Ms, IsFraction: false, HigherIsBetter: false),
        new("latency p95 (ms)", r => r.LatencyP95Ms, IsFraction: false, HigherIsBetter: false),
        new("tokens/s", r => r.TokensPerSecond, IsFraction: false),
    ];

    /// <summary>The metrics charted (the CLI's HTML report, the Evaluation page): fractions on a 0–1 axis, then latency.</summary>
    public static IReadOnlyList<EvaluationMetric> Charted { get; } =
    [
        new("classification accuracy (mean of 5 dimensions)", r => r.Classification.Count == 0 ? 0 : r.Classification.Average(c => c.Accuracy)),
        Named("highlight span F1 (overlap)"),
        Named("highlight span F1 (exact)"),
        Named("extraction F1: findings"),
        Named("extraction F1: measurement values"),
        Named("negation accuracy"),
        Named("grounded fraction"),
        Named("schema-failure rate"),
        Named("latency p50 (ms)"),
    ];

    public static EvaluationMetric Named(string name) => All.Single(m => m.Name == name);
}
