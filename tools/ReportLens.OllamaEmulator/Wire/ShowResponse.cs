namespace ReportLens.OllamaEmulator.Wire;

internal sealed record ShowResponse
{
    public required string Modelfile { get; init; }
    public required string Parameters { get; init; }
    public required string Template { get; init; }
    public required ModelDetails Details { get; init; }
    public required IReadOnlyDictionary<string, object> ModelInfo { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }
    public required string ModifiedAt { get; init; }
}
