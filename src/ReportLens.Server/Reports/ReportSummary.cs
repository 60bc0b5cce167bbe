namespace ReportLens.Server.Reports;

/// <summary>A list row: the start of the text, not all of it.</summary>
public sealed record ReportSummary(
    int Id,
    string? AccessionNumber,
    string Preview,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string Language,
    string? Urgency,
    DateTimeOffset? LastAnalysedAt,
    DateTimeOffset CreatedAt);
