using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Analysis;

/// <summary>
/// The analyze body existing clients send {report_id, user_prompt, annotation_type, temperature} plus model, engine
/// (llm|rules|hybrid) and cache ("use" or "bypass").
/// </summary>
public sealed record AnalyzeRequest(
    [Required(ErrorMessage = AnalyzeRequest.ReportIdMessage), Range(1, int.MaxValue, ErrorMessage = AnalyzeRequest.ReportIdMessage)] int? ReportId)
    : AnalysisOptionsRequest
{
    private const string ReportIdMessage = "report_id is required and must be a positive integer";
}
