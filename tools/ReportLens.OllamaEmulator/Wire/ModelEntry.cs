namespace ReportLens.OllamaEmulator.Wire;

/// <summary>A model in /api/tags (no expiry) or /api/ps (with expires_at and size_vram).</summary>
internal sealed record ModelEntry
{
    public required string Name { get; init; }
    public required string Model { get; init; }
    public string? ModifiedAt { get; init; }
    public required long Size { get; init; }
    public required string Digest { get; init; }
    public required ModelDetails Details { get; init; }
    public string? ExpiresAt { get; init; }
    public long? SizeVram { get; init; }
}
