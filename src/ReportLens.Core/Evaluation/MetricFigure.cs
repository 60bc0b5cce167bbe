namespace ReportLens.Core.Evaluation;

/// <summary>One metric of one run as shown: its value (null: not applicable) and its bootstrap interval (null for latency and throughput).</summary>
public sealed record MetricFigure(string Name, double? Value, ConfidenceInterval? Interval, bool IsFraction, bool HigherIsBetter);
