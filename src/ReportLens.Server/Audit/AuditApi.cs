using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Audit;

/// <summary>Admins read and export the audit trail: who read or changed which report, when, from where.</summary>
public static class AuditApi
{
    public const int MaxExportRows = 100_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/export", ExportAsync);
        return app;
    }

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(HttpContext http, ReportLensDbContext db, CancellationToken ct)
    {
        var query = http.Request.Query;
        var page = QueryValues.Int(query, "page") ?? 1;
        var pageSize = QueryValues.Int(query, "page_size") ?? 50;
        if (page < 1 || pageSize is < 1 or > 500)
        {
            return Problems.Validation("page", "page must be ≥ 1 and page_size between 1 and 500");
        }

        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(rows.Select(AuditEntryResponse.From).ToList(), total, page, pageSize));
    }

    /// <summary>CSV of the filtered trail (oldest first), for the hospital's compliance records.</summary>
    internal static async Task<FileContentHttpResult> ExportAsync(HttpContext http, ReportLensDbContext db, AuditLog audit, CancellationToken ct)
    {
        var rows = await Filter(db.AuditEntries.AsNoTracking(), http.Request.Query).OrderBy(e => e.Id).Take(MaxExportRows).ToListAsync(ct);
        var csv = new StringBuilder("id,at,user_id,username,role,action,report_id,detail,client_address\n");
        foreach (var e in rows)
        {
            csv.AppendJoin(',', e.Id, e.At.ToString("O", CultureInfo.InvariantCulture), e.UserId, Quote(e.Username), Quote(e.Role),
                Quote(e.Action), e.ReportId, Quote(e.Detail), Quote(e.ClientAddress)).Append('\n');
        }

        await audit.WriteAsync(AuditActions.Export, detail: $"audit export: {rows.Count} rows", ct: ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "reportlens-audit.csv");
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, IQueryCollection query)
    {
        if (QueryValues.Int(query, "report_id") is { } reportId)
        {
            entries = entries.Where(e => e.ReportId == reportId);
        }

        if (QueryValues.Int(query, "user_id") is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        if (QueryValues.Text(query, "username") is { } username)
        {
            entries = entries.Where(e => e.Username == username);
        }

        if (QueryValues.Text(query, "action") is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (QueryValues.Date(query, "from") is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (QueryValues.Date(query, "to") is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
