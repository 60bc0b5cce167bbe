
namespace ReportLens.Llm.Errors;

/// <summary>Ollama answered 503: its request queue is full (OLLAMA_MAX_QUEUE). Retry later.</summary>
public sealed class LlmBusyException(string? backend, string? detail)
    : LlmException($"Ollama at {backend} is busy (503{(detail is null ? "" : $": {detail}")}); retry later.", backend)
{
    public override bool IsTransient => true;
}
