namespace ReportLens.Server.Database;

/// <summary>One line of Demo/demo-reports.jsonl.</summary>
public sealed record DemoReport(string AccessionNumber, string ReportContent, string? Modality, string? BodyPart, DateOnly? ExamDate, string? Language);
