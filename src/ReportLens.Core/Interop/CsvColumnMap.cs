namespace ReportLens.Core.Interop;

/// <summary>Which CSV header names hold which report field. Defaults follow the API's field names.</summary>
public sealed record CsvColumnMap
{
    public string? Text { get; init; }
    public string? Accession { get; init; }
    public string? Modality { get; init; }
    public string? BodyPart { get; init; }
    public string? Date { get; init; }
    public string? Language { get; init; }
    public char Delimiter { get; init; } = ',';
}
