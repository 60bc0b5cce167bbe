namespace ReportLens.Core.Merging;

public sealed record MergeOptions
{
    public static MergeOptions Default { get; } = new();

    /// <summary>Two scores agree when they differ by at most this fraction of the maximum score (0.1 = 10 of 100).</summary>
    public double ScoreTolerance { get; init; } = 0.1;
}
