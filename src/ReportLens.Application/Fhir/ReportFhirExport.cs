using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Data;
using ReportLens.Data.Entities;
using Annotation = ReportLens.Data.Entities.Annotation;
using Task = System.Threading.Tasks.Task;

namespace ReportLens.Application.Fhir;

/// <summary>
/// One report as a FHIR R4 Bundle (a DiagnosticReport and its Observations, <see cref="FhirBundleBuilder"/>) from its
/// latest succeeded annotation of each type; the read is audited as an export. The API's
/// <c>GET /api/v1/reports/{id}/fhir</c> calls this; the CLI's <c>export --format fhir</c> builds the same resources.
/// De-identified, the bundle carries the de-identified text and annotations (<see cref="ExportDeidentifier"/>).
/// </summary>
public sealed class ReportFhirExport(IDbContextFactory<ReportLensDbContext> databases, ReportDeidentification privacy, TimeProvider time)
{
    public async Task<Bundle?> ForReportAsync(int reportId, Actor actor, bool deidentify, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, ct);
        if (report is null)
        {
            return null;
        }

        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.ReportId == reportId && a.Status == AnnotationStatus.Succeeded)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var builder = new FhirBundleBuilder(now);
        var latest = LatestOfEachType(annotations);
        if (deidentify)
        {
            (report, latest) = privacy.Apply(report, latest);
        }

        builder.Add(report, latest);
        AuditEntries.Stage(db, actor, AuditActions.Export, reportId, PrivacyAuditDetail.Of("fhir", deidentify), now);
        await db.SaveChangesAsync(ct);
        return builder.Build();
    }

    private static List<Annotation> LatestOfEachType(List<Annotation> annotations) =>
        [.. annotations.GroupBy(a => a.AnnotationType).Select(g => g.MaxBy(a => (a.CreatedAt, a.Id))!).OrderBy(a => a.Id)];
}
