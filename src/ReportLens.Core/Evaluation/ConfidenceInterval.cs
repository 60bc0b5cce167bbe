namespace ReportLens.Core.Evaluation;

/// <summary>A percentile bootstrap interval of one metric (<see cref="BootstrapSettings.Level"/>, e.g. 95 %).</summary>
public sealed record ConfidenceInterval(double Low, double High);
