using Microsoft.Extensions.AI;
using OllamaSharp.Models.Chat;

namespace ReportLens.Llm.Backends;

/// <summary>
/// Token counts and Ollama's timings (nanoseconds) of one or more calls; null where the backend reports none.
/// ThinkingTokens: reasoning tokens, as OpenAI-compatible servers report them (Ollama counts them in eval_count only).
/// </summary>
internal sealed record LlmCallMetrics(int? PromptTokens, int? OutputTokens, long? TotalNs, long? LoadNs, long? PromptEvalNs, long? EvalNs, int? ThinkingTokens = null)
{
    public static LlmCallMetrics None { get; } = new(null, null, null, null, null, null);

    /// <summary>Reads Usage (every backend) and, for Ollama, the done-message's durations.</summary>
    public static LlmCallMetrics From(ChatResponse response, object? rawDone)
    {
        var done = (rawDone ?? response.RawRepresentation) as ChatDoneResponseStream;
        return new LlmCallMetrics(
            (int?)response.Usage?.InputTokenCount ?? done?.PromptEvalCount,
            (int?)response.Usage?.OutputTokenCount ?? done?.EvalCount,
            done?.TotalDuration,
            done?.LoadDuration,
            done?.PromptEvalDuration,
            done?.EvalDuration,
            (int?)response.Usage?.ReasoningTokenCount);
    }

    public LlmCallMetrics Add(LlmCallMetrics other) => new(
        Sum(PromptTokens, other.PromptTokens),
        Sum(OutputTokens, other.OutputTokens),
        Sum(TotalNs, other.TotalNs),
        Sum(LoadNs, other.LoadNs),
        Sum(PromptEvalNs, other.PromptEvalNs),
        Sum(EvalNs, other.EvalNs),
        Sum(ThinkingTokens, other.ThinkingTokens));

    private static int? Sum(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
