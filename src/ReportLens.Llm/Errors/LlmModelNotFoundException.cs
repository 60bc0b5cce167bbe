
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
