using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

/// <summary>The batch-analyze body {report_ids (at most 50), user_prompt, annotation_type, temperature}, kept for existing clients, plus model, engine, cache.</summary>
public sealed record BatchAnalyzeRequest(
    IReadOnlyList<int>? ReportIds,
    string? UserPrompt,
    string? AnnotationType,
    double? Temperature,
    string? Model,
    string? Engine,
    string? Cache) : IAnalysisOptions;
