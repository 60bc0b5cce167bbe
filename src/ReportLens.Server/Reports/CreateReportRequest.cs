namespace ReportLens.Server.Reports;

public sealed record CreateReportRequest(
    string? ReportContent,
    string? AccessionNumber,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string? Language);
