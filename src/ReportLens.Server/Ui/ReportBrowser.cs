using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Data;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Ui;

/// <summary>
/// Reads for the Reports pages, with the API's filters and audit records. Each call has its own scope: a circuit
/// lives for hours, a DbContext should not.
/// </summary>
public sealed class ReportBrowser(IServiceScopeFactory scopes, ReportDeidentification privacy)
{
    /// <summary>True when this user may only ever see de-identified text (VIEWERS_SEE_DEIDENTIFIED and the viewer role).</summary>
    public bool DeidentifiedOnly(ClaimsPrincipal user) => privacy.Required(false, user.Role());

    /// <summary>Unlike the API, which rejects them, an out-of-range page or page size is clamped.</summary>
    public async Task<ReportPage> ListAsync(ReportQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var page = Math.Max(1, query.Page ?? 1);
        var pageSize = Math.Clamp(query.PageSize ?? ReportQueries.DefaultPageSize, 1, ReportQueries.MaxPageSize);
        var deidentified = DeidentifiedOnly(user);
        var result = await ReportQueries.ListAsync(db, query, page, pageSize, deidentified ? privacy : null, ct);
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        foreach (var row in result.Items)
        {
            audit.Stage(user, AuditActions.List, row.Id, PrivacyAuditDetail.Of("web", deidentified));
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The values present in the data, for the filter drop-downs.</summary>
    public async Task<FilterChoices> ChoicesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var live = db.Reports.AsNoTracking().Where(r => !r.IsDeleted);
        var modalities = await live.Where(r => r.Modality != null).Select(r => r.Modality!).Distinct().OrderBy(m => m).ToListAsync(ct);
        var bodyParts = await live.Where(r => r.BodyPart != null).Select(r => r.BodyPart!).Distinct().OrderBy(m => m).ToListAsync(ct);
        return new FilterChoices(modalities, bodyParts);
    }

    /// <summary>The report and its annotations; de-identified when asked or when the user may only see it so.</summary>
    public async Task<ReportDetails?> GetAsync(int id, ClaimsPrincipal user, bool deidentify, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return null;
        }

        var annotations = await db.Annotations.AsNoTracking().Where(a => a.ReportId == id).OrderByDescending(a => a.Id).ToListAsync(ct);
        var userIds = annotations.SelectMany(a => new[] { a.CreatedBy, a.ReviewedBy }).OfType<int>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Username, ct);
        var versions = await ReportVersionQueries.ListAsync(db, report, ct);
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var deidentified = privacy.Required(deidentify, user.Role());
        audit.Stage(user, AuditActions.Read, id, PrivacyAuditDetail.Of("web", deidentified));
        await db.SaveChangesAsync(ct);
        if (deidentified)
        {
            (report, annotations) = privacy.Apply(report, annotations);
            versions = ReportVersionQueries.Deidentified(versions, privacy);
        }

        return new ReportDetails(report, annotations, names, versions) { Deidentified = deidentified };
    }
}
