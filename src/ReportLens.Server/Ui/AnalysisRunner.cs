using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Jobs.Analysis;
using ReportLens.Llm;
using ReportLens.Llm.Analysis;
using ReportLens.Server.Analysis;

namespace ReportLens.Server.Ui;

/// <summary>
/// The Analyse form: for the LLM engines the model's reply is streamed to the page as it arrives, and that same
/// call is stored through <see cref="AnnotationRecorder"/>, exactly as POST /api/v1/ai/analyze stores it.
/// </summary>
public sealed class AnalysisRunner(IServiceScopeFactory scopes)
{
    public async Task<RecordedAnalysis> RunAsync(
        int reportId, AnalysisForm form, ClaimsPrincipal user, Func<string, Task> onText, CancellationToken ct)
    {
        IAnalysisOptions requested = form;
        var parsed = AnalysisOptionsParser.Check(requested);
        if (parsed.Errors.Count > 0)
        {
            throw new AnalysisOptionsException(parsed.Errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, ct)
            ?? throw new InvalidOperationException($"no report with id {reportId}");
        LanguageDetector.TryParse(report.Language, out var language);
        // The reply streams to the page from the same call that is then grounded and stored: the model runs once.
        var input = new AnalysisInput(report.Id, report.ReportContent, language, parsed.Type, form.UserPrompt, parsed.Engine,
            requested.Model, form.Temperature, parsed.BypassCache, OnReplyText: onText);

        var recorder = scope.ServiceProvider.GetRequiredService<AnnotationRecorder>();
        return await recorder.RunAndSaveAsync(report, input, user, ct);
    }
}
