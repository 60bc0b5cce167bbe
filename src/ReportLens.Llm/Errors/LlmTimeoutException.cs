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
