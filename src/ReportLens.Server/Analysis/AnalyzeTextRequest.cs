using System.ComponentModel.DataAnnotations;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Analysis;

/// <summary>Analyse text that is not stored: nothing is persisted but the audit record.</summary>
public sealed record AnalyzeTextRequest(
    [Required(ErrorMessage = "report_content is required")] string ReportContent,
    [ReportLanguage] string? Language,
    [AnalysisOption(AnalysisOption.UserPrompt)] string? UserPrompt,
    [AnalysisOption(AnalysisOption.AnnotationType)] string? AnnotationType,
    [AnalysisOption(AnalysisOption.Temperature)] double? Temperature,
    [AnalysisOption(AnalysisOption.Model)] string? Model,
    [AnalysisOption(AnalysisOption.Engine)] string? Engine,
    [AnalysisOption(AnalysisOption.Cache)] string? Cache) : IAnalysisOptions;
