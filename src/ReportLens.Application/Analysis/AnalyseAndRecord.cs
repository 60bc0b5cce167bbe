using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Caching;
using ReportLens.Application.CriticalFindings;
using ReportLens.Application.Outbox;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Llm;
using ReportLens.Llm.Errors;

namespace ReportLens.Application.Analysis;

/// <summary>
/// The one "analyse a stored report and record it" every door calls (API, web UI, CLI, job worker): loads the
/// report, runs the analysis through the result cache, and commits the annotation (or the failed one with the
/// model's raw replies), the report's last-analysed time and urgency, the fresh result's cache entry, the audit
/// record, the critical-finding cases it opens (<see cref="CriticalCaseOpener"/>), the push of its results
/// (<see cref="ResultsOutbox"/>) and the caller's <see cref="IRecordingStep"/> in one transaction.
/// </summary>
public sealed class AnalyseAndRecord(IDbContextFactory<ReportLensDbContext> databases, AnalysisService analysis, CriticalCaseOpener criticalCases,
    ResultsOutbox results)
{
    /// <summary>
    /// Analyses stored report <paramref name="reportId"/> as <paramref name="request"/> asks (its text and language are
    /// the report's) and records it. Returns the stored row: succeeded, or failed with the model's raw replies when its
    /// reply never matched the schema. Null when nothing ran or nothing is stored: no such report (or it was deleted),
    /// or the caller's <paramref name="step"/> declined.
    /// </summary>
    public async Task<Annotation?> RunAsync(int reportId, AnalysisRequest request, Actor actor, IRecordingStep? step, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, ct);
        if (report is null)
        {
            return null;
        }

        request = request with { ReportText = report.ReportContent, Language = LanguageOf(report) };
        AnalysisOutcome outcome;
        try
        {
            // A fresh result's cache entry is staged in db: it commits with the annotation below.
            outcome = await analysis.RunAsync(request, db, ct);
        }
        catch (LlmSchemaException failure)
        {
            var failed = analysis.ToFailedAnnotation(request, failure, actor.UserId, report.Id, step);
            AuditEntries.Stage(db, actor, AuditActions.Analyze, report.Id, AnalysisAuditDetail.Failed(request.Type, failure.Backend, failure.Deidentified), failed.CreatedAt);
            return await CommitAsync(db, failed, step, null, ct) ? failed : null;
        }

        var annotation = analysis.ToAnnotation(request, outcome, actor.UserId, report.Id, step);
        report.LastAnalysedAt = annotation.CreatedAt;
        report.Urgency = AnalysisService.UrgencyOf(request.Type, outcome) ?? report.Urgency;
        AuditEntries.Stage(db, actor, AuditActions.Analyze, report.Id, AnalysisAuditDetail.Of(request.Type, outcome), annotation.CreatedAt);
        var opened = 0;
        var pushed = false;
        var recorded = await CommitAsync(db, annotation, step, async () =>
        {
            opened = await criticalCases.OpenAsync(db, report, annotation, request.Language, actor, ct);
            pushed = results.Stage(db, report.Id, annotation.CreatedAt);
            await db.SaveChangesAsync(ct);
        }, ct);
        if (!recorded)
        {
            return null;
        }

        if (opened > 0)
        {
            criticalCases.Announce();
        }
        else if (pushed)
        {
            criticalCases.WakeSender();
        }

        return annotation;
    }

    /// <summary>The stored language; a report without a known one is detected from its text.</summary>
    private static ReportLanguage LanguageOf(Report report) =>
        LanguageDetector.TryParse(report.Language, out var language) ? language : LanguageDetector.Detect(report.ReportContent);

    /// <param name="afterSave">Runs once the annotation has its id, inside the transaction.</param>
    private static async Task<bool> CommitAsync(ReportLensDbContext db, Annotation annotation, IRecordingStep? step, Func<Task>? afterSave, CancellationToken ct)
    {
        db.Annotations.Add(annotation);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ResultCache.SaveChangesAsync(db, ct);
        if (afterSave is not null)
        {
            await afterSave();
        }

        if (step is not null && !await step.RecordAsync(db, annotation, ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
