namespace ReportLens.Core.Evaluation;

/// <summary>
/// How the confidence intervals are drawn: <see cref="Iterations"/> resamples of the gold reports (with replacement)
/// from a generator seeded with <see cref="Seed"/>, so the same inputs always give the same intervals.
/// </summary>
public sealed record BootstrapSettings(int Iterations = BootstrapSettings.DefaultIterations, int Seed = BootstrapSettings.DefaultSeed, double Level = 0.95)
{
    public const int DefaultIterations = 1000;
    public const int DefaultSeed = 14;

    public static BootstrapSettings Default { get; } = new();
}
