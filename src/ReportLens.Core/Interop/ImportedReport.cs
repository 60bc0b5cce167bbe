namespace ReportLens.Core.Interop;

/// <summary>A report read from an interchange file, before it is stored. Accession number is the identity for re-imports.</summary>
public sealed record ImportedReport
{
    public string? AccessionNumber { get; init; }
    public required string Text { get; init; }
    public string? Modality { get; init; }
    public string? BodyPart { get; init; }
    public DateOnly? ExamDate { get; init; }
    /// <summary>"zh" or "en"; detected from the text when the source does not say.</summary>
    public string? Language { get; init; }
    public IReadOnlyList<ImportedAnnotation> Annotations { get; init; } = [];
}
