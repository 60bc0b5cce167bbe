namespace ReportLens.Application.Usage;

/// <summary>The database's sums for one group; the Timed* tokens are those of calls that reported their evaluation time.</summary>
internal sealed record UsageSums<TKey>(
    TKey Key,
    int Analyses,
    long PromptTokens,
    long OutputTokens,
    long ThinkingTokens,
    double GpuSeconds,
    long TimedPromptTokens,
    long PromptEvalNs,
    long TimedOutputTokens,
    long EvalNs)
{
    public UsageSums<string> Named(string key) => new(key, Analyses, PromptTokens, OutputTokens, ThinkingTokens, GpuSeconds,
        TimedPromptTokens, PromptEvalNs, TimedOutputTokens, EvalNs);

    public UsageSums<string> Add(UsageSums<string> other) => new("", Analyses + other.Analyses, PromptTokens + other.PromptTokens,
        OutputTokens + other.OutputTokens, ThinkingTokens + other.ThinkingTokens, GpuSeconds + other.GpuSeconds,
        TimedPromptTokens + other.TimedPromptTokens, PromptEvalNs + other.PromptEvalNs, TimedOutputTokens + other.TimedOutputTokens, EvalNs + other.EvalNs);

    public UsageRow ToRow(string key) => new(key, Analyses, PromptTokens, OutputTokens, ThinkingTokens, Math.Round(GpuSeconds, 6),
        Rate(TimedPromptTokens, PromptEvalNs), Rate(TimedOutputTokens, EvalNs));

    private static double? Rate(long tokens, long ns) => ns > 0 ? Math.Round(tokens / (ns / 1e9), 1) : null;
}
