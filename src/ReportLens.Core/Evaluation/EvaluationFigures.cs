namespace ReportLens.Core.Evaluation;

/// <summary>
/// One run's figures as the CLI prints them and the Evaluation page shows them: every comparison-table metric with
/// its bootstrap interval, the per-class figures of the classification dimensions, and the reliability table.
/// </summary>
public sealed record EvaluationFigures(
    int ReportCount,
    IReadOnlyList<MetricFigure> Metrics,
    IReadOnlyList<ClassScore> PerClass,
    ReliabilityTable Calibration,
    BootstrapSettings Bootstrap)
{
    public MetricFigure? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
