using System.Security.Claims;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Analysis;
using ReportLens.Llm;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Analysis;

/// <summary>
/// Runs an analysis of a stored report and persists it the one way the API and the web UI share: the annotation
/// (or the failed one with the model's raw replies), the report's urgency and last-analysed time, the audit record
/// and a fresh result's cache entry, all in one transaction.
/// </summary>
public sealed class AnnotationRecorder(ReportLensDbContext db, AnalysisService analysis, AuditLog audit, TimeProvider time)
{
    public async Task<RecordedAnalysis> RunAndSaveAsync(Report report, AnalysisInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        AnalysisResult result;
        try
        {
            result = await analysis.RunAsync(input, db, ct);
        }
        catch (LlmSchemaException failure)
        {
            var failed = analysis.ToFailedAnnotation(input, failure, user.UserId());
            db.Annotations.Add(failed);
            audit.Stage(user, AuditActions.Analyze, report.Id, $"{input.Type} failed: schema");
            await db.SaveChangesAsync(ct);
            return new RecordedAnalysis(failed, failure);
        }

        var annotation = analysis.ToAnnotation(input, result, user.UserId());
        db.Annotations.Add(annotation);
        report.LastAnalysedAt = time.GetUtcNow();
        report.Urgency = AnalysisService.UrgencyOf(result) ?? report.Urgency;
        audit.Stage(user, AuditActions.Analyze, report.Id, $"{input.Type} by {result.Engine}");
        await ResultCache.SaveChangesAsync(db, ct);
        return new RecordedAnalysis(annotation, null);
    }
}
