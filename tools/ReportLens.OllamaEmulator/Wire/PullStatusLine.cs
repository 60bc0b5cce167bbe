namespace ReportLens.OllamaEmulator.Wire;

internal sealed record PullStatusLine
{
    public required string Status { get; init; }
    public string? Digest { get; init; }
    public long? Total { get; init; }
    public long? Completed { get; init; }
}
