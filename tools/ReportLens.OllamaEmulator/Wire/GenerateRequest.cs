using System.Text.Json;

namespace ReportLens.OllamaEmulator.Wire;

internal sealed record GenerateRequest
{
    public string? Model { get; init; }
    public string? Prompt { get; init; }
    public string? System { get; init; }
    public bool? Stream { get; init; }
    public JsonElement? Format { get; init; }
    public JsonElement? KeepAlive { get; init; }
    public JsonElement? Options { get; init; }
    public JsonElement? Think { get; init; }
}
