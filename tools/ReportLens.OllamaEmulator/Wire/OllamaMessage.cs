namespace ReportLens.OllamaEmulator.Wire;

internal sealed record OllamaMessage
{
    public string Role { get; init; } = "";
    public string? Content { get; init; }
}
