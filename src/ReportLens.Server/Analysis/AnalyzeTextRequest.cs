using System.ComponentModel.DataAnnotations;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Analysis;

/// <summary>Analyse text that is not stored: nothing is persisted but the audit record.</summary>
public sealed record AnalyzeTextRequest(
    [Required(ErrorMessage = "report_content is required")] string ReportContent,
    [ReportLanguage] string? Language) : AnalysisOptionsRequest;
