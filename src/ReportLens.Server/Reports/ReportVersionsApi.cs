using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Reports;

public static class ReportVersionsApi
{
    public static IEndpointRouteBuilder MapReportVersionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/{id:int}/versions", ListAsync).WithTags("Reports").RequireAuthorization(Policies.Read)
            .WithName("ListReportVersions").WithSummary("Every text the report has had (corrections keep the former ones), oldest first")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<List<ReportVersionResponse>>, ProblemHttpResult>> ListAsync(
        int id, bool? deidentify, ReportLensDbContext db, AuditLog audit, ReportDeidentification privacy, HttpContext http, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        var versions = await ReportVersionQueries.ListAsync(db, report, ct);
        var deidentified = privacy.Required(deidentify ?? false, http.User.Role());
        await audit.WriteAsync(AuditActions.Read, id, PrivacyAuditDetail.Of("versions", deidentified), ct);
        return TypedResults.Ok(deidentified ? ReportVersionQueries.Deidentified(versions, privacy) : versions);
    }
}
