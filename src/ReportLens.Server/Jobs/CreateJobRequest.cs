using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

/// <summary>A job over listed report ids or over the reports a filter selects (one of the two).</summary>
public sealed record CreateJobRequest(
    IReadOnlyList<int>? ReportIds,
    JobFilterRequest? Filter,
    [AnalysisOption(AnalysisOption.UserPrompt)] string? UserPrompt,
    [AnalysisOption(AnalysisOption.AnnotationType)] string? AnnotationType,
    [AnalysisOption(AnalysisOption.Temperature)] double? Temperature,
    [AnalysisOption(AnalysisOption.Model)] string? Model,
    [AnalysisOption(AnalysisOption.Engine)] string? Engine,
    [AnalysisOption(AnalysisOption.Cache)] string? Cache) : IAnalysisOptions;
