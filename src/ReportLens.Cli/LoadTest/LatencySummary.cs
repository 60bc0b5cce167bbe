namespace ReportLens.Cli.LoadTest;

/// <summary>Latency percentiles (<see cref="NearestRank"/>) over successful requests, in seconds.</summary>
public sealed record LatencySummary(double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IReadOnlyCollection<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }

        double[] sorted = [.. seconds.Order()];
        return new LatencySummary(sorted[0], NearestRank.Percentile(sorted, 50), NearestRank.Percentile(sorted, 95),
            NearestRank.Percentile(sorted, 99), sorted[^1], sorted.Average());
    }
}
