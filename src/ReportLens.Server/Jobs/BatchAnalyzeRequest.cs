using System.ComponentModel.DataAnnotations;
using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

/// <summary>The batch-analyze body {report_ids (at most 50), user_prompt, annotation_type, temperature}, kept for existing clients, plus model, engine, cache.</summary>
public sealed record BatchAnalyzeRequest(
    [Required(ErrorMessage = BatchAnalyzeRequest.NoReportsMessage), MinLength(1, ErrorMessage = BatchAnalyzeRequest.NoReportsMessage)] IReadOnlyList<int> ReportIds,
    [AnalysisOption(AnalysisOption.UserPrompt)] string? UserPrompt,
    [AnalysisOption(AnalysisOption.AnnotationType)] string? AnnotationType,
    [AnalysisOption(AnalysisOption.Temperature)] double? Temperature,
    [AnalysisOption(AnalysisOption.Model)] string? Model,
    [AnalysisOption(AnalysisOption.Engine)] string? Engine,
    [AnalysisOption(AnalysisOption.Cache)] string? Cache) : IAnalysisOptions
{
    private const string NoReportsMessage = "report_ids must list at least one report id";
}
