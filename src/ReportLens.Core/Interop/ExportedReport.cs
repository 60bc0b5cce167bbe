namespace ReportLens.Core.Interop;

/// <summary>The report part of an exported annotation line (JSONL), in the API's field names.</summary>
public sealed record ExportedReport
{
    public int Id { get; init; }
    public string? AccessionNumber { get; init; }
    public required string ReportContent { get; init; }
    public string? Modality { get; init; }
    public string? BodyPart { get; init; }
    public DateOnly? ExamDate { get; init; }
    public required string Language { get; init; }
}
