namespace ReportLens.Application.Usage;

/// <summary>
/// What the fresh LLM analyses of one model, backend or user cost over a period (cache hits and the rules engine
/// cost none and are not counted). GpuSeconds: the backend's own time (Ollama's total_duration) where reported,
/// else the analysis' wall time; calls on parallel slots overlap, so it is slot-seconds. The rates are tokens over
/// the backend's own evaluation time (Ollama's prompt_eval/eval_duration); null where no backend reported it.
/// </summary>
public sealed record UsageRow(
    string Key,
    int Analyses,
    long PromptTokens,
    long OutputTokens,
    long ThinkingTokens,
    double GpuSeconds,
    double? PromptTokensPerSecond,
    double? OutputTokensPerSecond);
