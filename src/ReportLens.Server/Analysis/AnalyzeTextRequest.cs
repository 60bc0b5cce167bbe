namespace ReportLens.Server.Analysis;

/// <summary>Analyse text that is not stored: nothing is persisted but the audit record.</summary>
public sealed record AnalyzeTextRequest(
    string? ReportContent,
    string? Language,
    string? UserPrompt,
    string? AnnotationType,
    double? Temperature,
    string? Model,
    string? Engine,
    string? Cache) : IAnalysisOptions;
