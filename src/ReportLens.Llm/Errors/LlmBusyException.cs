using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Errors;

/// <summary>Ollama answered 503: its request queue is full (OLLAMA_MAX_QUEUE). Retry later.</summary>
public sealed class LlmBusyException(string? backend, string? detail)
    : LlmException($"Ollama at {backend} is busy (503{(detail is null ? "" : $": {detail}")}); retry later.", backend)
{
    public override bool IsTransient => true;
}
