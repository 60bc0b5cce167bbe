namespace ReportLens.Server.Analysis;

/// <summary>
/// The analyze body existing clients send {report_id, user_prompt, annotation_type, temperature} plus model, engine
/// (llm|rules|hybrid) and cache ("use" or "bypass").
/// </summary>
public sealed record AnalyzeRequest(
    int? ReportId,
    string? UserPrompt,
    string? AnnotationType,
    double? Temperature,
    string? Model,
    string? Engine,
    string? Cache) : IAnalysisOptions;
