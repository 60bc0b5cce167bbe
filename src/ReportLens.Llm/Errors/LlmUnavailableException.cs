
namespace ReportLens.Llm.Errors;

/// <summary>No endpoint could be reached (connection refused, DNS, connect timeout) or all are taken out of the pool.</summary>
public sealed class LlmUnavailableException(string message, string? backend, Exception? inner = null)
    : LlmException(message, backend, inner)
{
    public override bool IsTransient => true;

    /// <summary>When the pool expects an endpoint back (the earliest end of a circuit break), if known.</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal static LlmUnavailableException For(string backend, Exception? inner) => new(
        $"Ollama is not reachable at {backend}. Start it with `ollama serve` (or `docker compose up -d ollama`) " +
        "and check OLLAMA_BASE_URL.",
        backend,
        inner);
}
