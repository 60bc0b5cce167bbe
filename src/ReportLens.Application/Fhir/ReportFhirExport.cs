using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using Annotation = ReportLens.Data.Entities.Annotation;
using Task = System.Threading.Tasks.Task;

namespace ReportLens.Application.Fhir;

/// <summary>
/// One report as a FHIR R4 Bundle (a DiagnosticReport and its Observations, <see cref="FhirBundleBuilder"/>) from one
/// succeeded annotation of each type — the latest reviewed one, else the latest; the read is audited as an export. The API's
/// <c>GET /api/v1/reports/{id}/fhir</c> calls this; the CLI's <c>export --format fhir</c> builds the same resources.
/// De-identified, the bundle carries the de-identified text and annotations (<see cref="ExportDeidentifier"/>).
/// </summary>
public sealed class ReportFhirExport(IDbContextFactory<ReportLensDbContext> databases, ReportDeidentification privacy, TimeProvider time)
{
    public async Task<Bundle?> ForReportAsync(int reportId, Actor actor, bool deidentify, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var bundle = await BundleAsync(db, reportId, deidentify, ct);
        if (bundle is not null)
        {
            AuditEntries.Stage(db, actor, AuditActions.Export, reportId, PrivacyAuditDetail.Of("fhir", deidentify), time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return bundle;
    }

    /// <summary>The bundle without an audit record: for the FHIR push, which is audited when it is delivered.</summary>
    public async Task<Bundle?> BundleAsync(int reportId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await BundleAsync(db, reportId, deidentify: false, ct);
    }

    private async Task<Bundle?> BundleAsync(ReportLensDbContext db, int reportId, bool deidentify, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, ct);
        if (report is null)
        {
            return null;
        }

        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.ReportId == reportId && a.Status == AnnotationStatus.Succeeded)
            .ToListAsync(ct);
        var chosen = ChosenOfEachType(annotations);
        if (deidentify)
        {
            // The de-identified copy carries no review record (it quotes the original text): the review is applied first.
            foreach (var annotation in chosen)
            {
                if (FhirBundleBuilder.Reviewed(annotation) is { } reviewed)
                {
                    annotation.ContentJson = ReportLensJson.SerializeContent(reviewed);
                }

                annotation.ReviewJson = null;
            }

            (report, chosen) = privacy.Apply(report, chosen);
        }

        var builder = new FhirBundleBuilder(time.GetUtcNow());
        builder.Add(report, chosen);
        return builder.Build();
    }

    /// <summary>A reviewed annotation takes precedence over a later unreviewed one: a person settled it.</summary>
    public static List<Annotation> ChosenOfEachType(IEnumerable<Annotation> annotations) =>
        [.. annotations.GroupBy(a => a.AnnotationType).Select(g => g.MaxBy(a => (a.ReviewStatus is not null, a.CreatedAt, a.Id))!).OrderBy(a => a.Id)];
}
