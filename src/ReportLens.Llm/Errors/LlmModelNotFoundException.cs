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

/// <summary>The model is not pulled on the endpoint (Ollama's 404) or no endpoint of the pool has it.</summary>
public sealed class LlmModelNotFoundException(string model, string? backend, string? detail = null)
    : LlmException(
        $"Model '{model}' is not available{(backend is null ? "" : $" at {backend}")}. Pull it with `ollama pull {model}`" +
        (detail is null ? "." : $". Ollama said: {detail}"),
        backend)
{
    public string Model { get; } = model;

    public override bool IsTransient => false;
}
