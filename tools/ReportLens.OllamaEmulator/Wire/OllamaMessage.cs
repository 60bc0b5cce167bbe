namespace ReportLens.OllamaEmulator.Wire;

internal sealed record OllamaMessage
{
    public string Role { get; init; } = "";
    public string? Content { get; init; }
    /// <summary>The reasoning of a thinking model asked with think=true (chat); null otherwise.</summary>
    public string? Thinking { get; init; }
}
