using ReportLens.Data.Entities;

namespace ReportLens.Server.Reports;

public sealed record ReportResponse(
    int Id,
    string? AccessionNumber,
    string ReportContent,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string Language,
    string? Urgency,
    DateTimeOffset? LastAnalysedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True when the text and exam date are de-identified and the accession number left out (docs/privacy.md).</summary>
    public bool Deidentified { get; init; }

    public static ReportResponse From(Report r) => new(
        r.Id, r.AccessionNumber, r.ReportContent, r.Modality, r.BodyPart, r.ExamDate, r.Language, r.Urgency,
        r.LastAnalysedAt, r.CreatedAt, r.UpdatedAt);
}
