namespace ReportLens.Core.Confidence;

/// <summary>
/// One term of the confidence formula: its input and what it did — a multiplier for schema, grounding and
/// agreement, an amount taken off (≤ 0) for the engine cap and contradictions.
/// </summary>
public sealed record ConfidenceFactor(string Name, double? Input, double Contribution);
