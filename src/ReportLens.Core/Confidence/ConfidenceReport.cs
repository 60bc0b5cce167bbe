namespace ReportLens.Core.Confidence;

/// <summary>A confidence in [0, 1] (two decimals) and the factors that produced it, in the order they apply.</summary>
public sealed record ConfidenceReport(double Value, IReadOnlyList<ConfidenceFactor> Factors);
