using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;
using static ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Audit;

/// <summary>Admins read and export the audit trail: who read or changed which report, when, from where.</summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxExportRows = 100_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin).IgnoreBlankQueryValues();
        group.MapGet("/", ListAsync).WithName("ListAuditRecords").WithSummary("The audit trail, filtered and paged");
        group.MapGet("/export", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExportAuditCsv").WithSummary("The filtered audit trail as CSV").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        [AsParameters] AuditFilter filter, [FromQuery(Name = "page")] int? page, [FromQuery(Name = "page_size")] int? pageSize,
        ReportLensDbContext db, CancellationToken ct)
    {
        var pageNo = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (pageNo < 1 || size is < 1 or > MaxPageSize)
        {
            return Problems.Validation("page", $"page must be ≥ 1 and page_size between 1 and {MaxPageSize}");
        }

        var entries = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((pageNo - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(rows.Select(AuditEntryResponse.From).ToList(), total, pageNo, size));
    }

    /// <summary>CSV of the filtered trail (oldest first), for the hospital's compliance records.</summary>
    internal static async Task<PushStreamHttpResult> ExportAsync(
        [AsParameters] AuditFilter filter, ReportLensDbContext db, AuditLog audit, CancellationToken ct)
    {
        // The export's own audit record is saved before the rows stream out; the bound keeps it out of the file.
        var lastId = await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var rows = Filter(db.AuditEntries.AsNoTracking(), filter).Where(e => e.Id <= lastId).OrderBy(e => e.Id).Take(MaxExportRows);
        var count = await rows.CountAsync(ct);
        await audit.WriteAsync(AuditActions.Export, detail: $"audit export: {count} rows", ct: ct);
        return TypedResults.Stream(
            body => AuditCsv.WriteAsync(body, rows.AsAsyncEnumerable(), ct), "text/csv", "reportlens-audit.csv");
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (filter.ReportId is { } reportId)
        {
            entries = entries.Where(e => e.ReportId == reportId);
        }

        if (filter.UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        if (Blank(filter.Username) is { } username)
        {
            entries = entries.Where(e => e.Username == username);
        }

        if (Blank(filter.Action) is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }
}
