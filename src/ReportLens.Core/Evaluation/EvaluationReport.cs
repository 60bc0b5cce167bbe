namespace ReportLens.Core.Evaluation;

/// <summary>An engine's scores against a gold corpus; the metrics are defined in docs/evaluation.md.</summary>
public sealed record EvaluationReport
{
    public int ReportCount { get; init; }
    public IReadOnlyList<DimensionAccuracy> Classification { get; init; } = [];
    /// <summary>Abnormal findings: predicted abnormal/diagnosis highlights, not negated, vs gold abnormal findings.</summary>
    public PrecisionRecall HighlightExact { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall HighlightOverlap { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Findings { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Measurements { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Locations { get; init; } = PrecisionRecall.Zero;
    /// <summary>Measurements that overlap a gold measurement and carry its value and unit.</summary>
    public PrecisionRecall MeasurementValues { get; init; } = PrecisionRecall.Zero;
    public NegationScore Negation { get; init; } = new(0, 0, 0);
    public double GroundedFraction { get; init; }
    public int Attempts { get; init; }
    public int SchemaFailures { get; init; }
    public double SchemaFailureRate => Attempts == 0 ? 0 : SchemaFailures / (double)Attempts;
    public double LatencyP50Ms { get; init; }
    public double LatencyP95Ms { get; init; }
    /// <summary>Completion tokens ÷ seconds, over reports that reported tokens; null when none did.</summary>
    public double? TokensPerSecond { get; init; }
}
