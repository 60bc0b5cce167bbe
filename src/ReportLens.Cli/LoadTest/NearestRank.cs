namespace ReportLens.Cli.LoadTest;

/// <summary>
/// Nearest-rank percentile, the method ReportLens.Core's evaluation uses: the smallest value with at least p % of
/// the values at or below it. The bench calls this same type (it references this project), so its figures and the CLI's agree.
/// </summary>
public static class NearestRank
{
    /// <param name="sorted">Values in ascending order; not empty.</param>
    /// <param name="percent">0–100.</param>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
