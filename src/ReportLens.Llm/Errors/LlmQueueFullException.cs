
namespace ReportLens.Llm.Errors;

/// <summary>
/// An interactive call found the endpoint's queue full (Ollama:MaxQueued) or waited longer than Ollama:QueueTimeout
/// for a slot. Transient: retry after <see cref="RetryAfter"/>.
/// </summary>
public sealed class LlmQueueFullException(string message, string? backend, TimeSpan retryAfter) : LlmException(message, backend)
{
    public override bool IsTransient => true;

    /// <summary>When a retry has a fair chance: about one queue wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    internal static LlmQueueFullException For(string backend, TimeSpan queueTimeout, bool full) => new(
        full
            ? $"Every slot of {backend} is busy and its queue is full (Ollama:MaxQueued); retry later."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"No slot of {backend} came free within {queueTimeout.TotalSeconds:0.#} s (Ollama:QueueTimeout); retry later."),
        backend,
        queueTimeout);
}
