namespace ReportLens.Server.Reports;

/// <summary>One text a report has had: former versions from report_versions, the current one last (superseded_at null).</summary>
public sealed record ReportVersionResponse(
    int Version,
    string ReportContent,
    string ContentHash,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    DateTimeOffset StoredAt,
    DateTimeOffset? SupersededAt,
    string? SupersededBy);
