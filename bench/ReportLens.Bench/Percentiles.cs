using ReportLens.Cli.LoadTest;

namespace ReportLens.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile (0–100) the CLI's load test reports; NaN when there are no values.</summary>
    public static double Of(IReadOnlyCollection<double> values, double percent) =>
        values.Count == 0 ? double.NaN : NearestRank.Percentile([.. values.Order()], percent);
}
