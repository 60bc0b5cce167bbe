namespace ReportLens.Server.Reports;

/// <summary>Fields left out (null) keep their value.</summary>
public sealed record UpdateReportRequest(
    string? ReportContent,
    string? AccessionNumber,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string? Language);
