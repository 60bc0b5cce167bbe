namespace ReportLens.OllamaEmulator.Wire;

/// <summary>Body of /api/show and /api/pull; older clients send "name" instead of "model".</summary>
internal sealed record ModelRequest
{
    public string? Model { get; init; }
    public string? Name { get; init; }
    public bool? Stream { get; init; }

    public string? ModelName => string.IsNullOrWhiteSpace(Model) ? Name : Model;
}
