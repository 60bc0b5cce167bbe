using System.ComponentModel.DataAnnotations;
using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

/// <summary>The batch-analyze body {report_ids (at most 50), user_prompt, annotation_type, temperature}, kept for existing clients, plus model, engine, cache.</summary>
public sealed record BatchAnalyzeRequest(
    [Required(ErrorMessage = BatchAnalyzeRequest.NoReportsMessage), MinLength(1, ErrorMessage = BatchAnalyzeRequest.NoReportsMessage)] IReadOnlyList<int> ReportIds)
    : AnalysisOptionsRequest
{
    private const string NoReportsMessage = "report_ids must list at least one report id";
}
