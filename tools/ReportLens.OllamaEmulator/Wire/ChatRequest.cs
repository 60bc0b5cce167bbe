using System.Text.Json;

namespace ReportLens.OllamaEmulator.Wire;

internal sealed record ChatRequest
{
    public string? Model { get; init; }
    public IReadOnlyList<OllamaMessage>? Messages { get; init; }
    /// <summary>Ollama streams unless told otherwise.</summary>
    public bool? Stream { get; init; }
    public JsonElement? Format { get; init; }
    public JsonElement? KeepAlive { get; init; }
    public JsonElement? Options { get; init; }
    /// <summary>true/false, or a level ("low", "medium", "high") that means true.</summary>
    public JsonElement? Think { get; init; }
    public bool? Logprobs { get; init; }
}
