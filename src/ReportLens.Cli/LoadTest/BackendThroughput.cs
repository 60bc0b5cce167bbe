namespace ReportLens.Cli.LoadTest;

/// <summary>
/// What one backend and model did in a run of <see cref="WallSeconds"/>: reports and tokens per second of the run's
/// wall time (with every request in flight at once, the rate a site gets), and the decode speed per call where the
/// backend reports its generation time (Ollama's eval_count / eval_duration). The bench uses this type too (it references this project).
/// </summary>
public sealed record BackendThroughput(
    string Backend,
    string Model,
    int Reports,
    long PromptTokens,
    long OutputTokens,
    long ThinkingTokens,
    double WallSeconds)
{
    public double ReportsPerHour => WallSeconds > 0 ? Math.Round(Reports / WallSeconds * 3600, 1) : 0;

    public double PromptTokensPerSecond => WallSeconds > 0 ? Math.Round(PromptTokens / WallSeconds, 1) : 0;

    public double OutputTokensPerSecond => WallSeconds > 0 ? Math.Round(OutputTokens / WallSeconds, 1) : 0;

    /// <summary>Output tokens per second of the backend's own generation time, per call; null when it reports none.</summary>
    public double? DecodeTokensPerSecond { get; init; }

    /// <summary>One row per backend and model from the successful requests; cache hits cost no backend work and are left out.</summary>
    public static IReadOnlyList<BackendThroughput> Of(IEnumerable<LoadSample> samples, double wallSeconds) =>
        [.. samples.Where(s => !s.Cached)
            .GroupBy(s => (s.Backend, s.Model))
            .OrderBy(g => g.Key.Backend, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g =>
            {
                var timed = g.Where(s => s.EvalNs is > 0 && s.OutputTokens is not null).ToList();
                return new BackendThroughput(g.Key.Backend, g.Key.Model, g.Count(), g.Sum(s => (long)(s.PromptTokens ?? 0)),
                    g.Sum(s => (long)(s.OutputTokens ?? 0)), g.Sum(s => (long)(s.ThinkingTokens ?? 0)), wallSeconds)
                {
                    DecodeTokensPerSecond = timed.Count == 0 ? null
                        : Math.Round(timed.Sum(s => (double)s.OutputTokens!.Value) / (timed.Sum(s => s.EvalNs!.Value) / 1e9), 1),
                };
            })];
}
