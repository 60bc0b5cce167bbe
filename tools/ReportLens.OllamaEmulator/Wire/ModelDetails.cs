namespace ReportLens.OllamaEmulator.Wire;

internal sealed record ModelDetails
{
    public string ParentModel { get; init; } = "";
    public required string Format { get; init; }
    public required string Family { get; init; }
    public required IReadOnlyList<string> Families { get; init; }
    public required string ParameterSize { get; init; }
    public required string QuantizationLevel { get; init; }
}
