using System.Security.Claims;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Data.Entities;
using ReportLens.Server.Analysis;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Ui;

/// <summary>
/// The Analyse form: for the LLM engines the model's reply is streamed to the page as it arrives, and that same
/// call is stored through <see cref="AnalyseAndRecord"/>, exactly as POST /api/v1/ai/analyze stores it.
/// </summary>
public sealed class AnalysisRunner(AnalyseAndRecord analyses)
{
    /// <summary>The stored annotation: succeeded, or failed when the model's reply never matched the schema.</summary>
    public async Task<Annotation> RunAsync(
        int reportId, AnalysisForm form, ClaimsPrincipal user, Func<string, Task> onText, CancellationToken ct)
    {
        IAnalysisOptions requested = form;
        var parsed = AnalysisOptionsParser.Check(requested);
        if (parsed.Errors.Count > 0)
        {
            throw new AnalysisOptionsException(parsed.Errors);
        }

        // The reply streams to the page from the same call that is then grounded and stored: the model runs once.
        var request = parsed.ToRequest(requested, onReplyText: onText);
        return await analyses.RunAsync(reportId, request, user.ToActor(Door.Ui, clientAddress: null), step: null, ct)
            ?? throw new InvalidOperationException($"no report with id {reportId}");
    }
}
