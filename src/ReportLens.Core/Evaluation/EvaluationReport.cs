namespace ReportLens.Core.Evaluation;

/// <summary>An engine's scores against a gold corpus; the metrics are defined in docs/evaluation.md.</summary>
public sealed record EvaluationReport
{
    public int ReportCount { get; init; }
    public IReadOnlyList<DimensionAccuracy> Classification { get; init; } = [];
    /// <summary>Per class of each classification dimension: report-level precision/recall (vocabulary order, then any other class seen).</summary>
    public IReadOnlyList<ClassScore> PerClass { get; init; } = [];
    /// <summary>Abnormal findings: predicted abnormal/diagnosis highlights, not negated, vs gold abnormal findings.</summary>
    public PrecisionRecall HighlightExact { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall HighlightOverlap { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Findings { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Measurements { get; init; } = PrecisionRecall.Zero;
    public PrecisionRecall Locations { get; init; } = PrecisionRecall.Zero;
    /// <summary>Measurements that overlap a gold measurement and carry its value and unit.</summary>
    public PrecisionRecall MeasurementValues { get; init; } = PrecisionRecall.Zero;
    public NegationScore Negation { get; init; } = new(0, 0, 0);
    /// <summary>紧急程度 read as normal (正常) vs abnormal (any other level), against the gold urgency.</summary>
    public DimensionAccuracy NormalAbnormal { get; init; } = new("正常/异常", 0, 0);
    /// <summary>Report level: predicted 紧急程度 危急 vs gold 危急.</summary>
    public PrecisionRecall CriticalReports { get; init; } = PrecisionRecall.Zero;
    /// <summary>CheXpert labels, over the reports whose gold has a <c>chexpert</c> object.</summary>
    public ChexpertScore Chexpert { get; init; } = ChexpertScore.Empty;
    /// <summary>
    /// Item confidence vs correctness of the item's assertion (present / absent / possible) on the gold findings it
    /// was matched to; only items that carry a confidence count.
    /// </summary>
    public ReliabilityTable Calibration { get; init; } = ReliabilityTable.Empty;
    public double GroundedFraction { get; init; }
    public int Attempts { get; init; }
    public int SchemaFailures { get; init; }
    public double SchemaFailureRate => Attempts == 0 ? 0 : SchemaFailures / (double)Attempts;
    public double LatencyP50Ms { get; init; }
    public double LatencyP95Ms { get; init; }
    /// <summary>Completion tokens ÷ seconds, over reports that reported tokens; null when none did.</summary>
    public double? TokensPerSecond { get; init; }
}
