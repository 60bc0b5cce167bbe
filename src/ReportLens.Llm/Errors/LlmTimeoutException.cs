
namespace ReportLens.Llm.Errors;

/// <summary>A model call took longer than OLLAMA_TIMEOUT (not a caller's cancellation).</summary>
public sealed class LlmTimeoutException(TimeSpan timeout, string? backend, Exception? inner = null)
    : LlmException(
        $"The model call to {backend} did not finish within {timeout.TotalSeconds:0.###} s (OLLAMA_TIMEOUT).",
        backend,
        inner)
{
    public TimeSpan Timeout { get; } = timeout;

    public override bool IsTransient => true;
}
