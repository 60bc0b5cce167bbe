using ReportLens.Core.Annotations;

namespace ReportLens.Core.Confidence;

/// <summary>What is known about one annotation when its confidence is computed (see docs/confidence.md).</summary>
public sealed record ConfidenceEvidence
{
    public required EngineKind Engine { get; init; }
    public SchemaOutcome Schema { get; init; } = SchemaOutcome.ValidFirstTry;
    /// <summary>Grounded items ÷ groundable items, from <see cref="Grounding.GroundingResult"/>.</summary>
    public double GroundedFraction { get; init; } = 1.0;
    /// <summary>From <see cref="Merging.MergeResult"/>; null when only one engine ran.</summary>
    public double? AgreementRatio { get; init; }
    public int ContradictionCount { get; init; }
    /// <summary>
    /// Rules alone: the mean confidence of the items (<see cref="RulesItemConfidence.Mean"/>), which scales the rules
    /// engine's value under its cap; null when the items carry none.
    /// </summary>
    public double? RulesItemConfidence { get; init; }

    /// <summary>
    /// LLM or hybrid: the mean of the model's own probabilities for its items (<see cref="TokenConfidence"/>), from
    /// token log-probabilities; null when the backend gave none (the factor is then 1).
    /// </summary>
    public double? TokenProbability { get; init; }
}
