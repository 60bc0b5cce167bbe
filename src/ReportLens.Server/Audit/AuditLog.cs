using System.Security.Claims;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Audit;

/// <summary>
/// Records who did what to which report, for the server's requests (the entry itself is made by the application
/// layer's <see cref="AuditEntries"/>, as for every door). <see cref="Stage"/> adds the record to the caller's unit of work so a
/// change and its audit record commit together; <see cref="WriteAsync"/> saves at once (for reads).
/// </summary>
public sealed class AuditLog(ReportLensDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public void Stage(string action, int? reportId = null, string? detail = null) =>
        db.AuditEntries.Add(Create(http.HttpContext?.User, action, reportId, detail));

    /// <summary>For callers without a request of their own (the web UI's circuits): the actor is given, not read from HttpContext.</summary>
    public void Stage(ClaimsPrincipal actor, string action, int? reportId = null, string? detail = null) =>
        db.AuditEntries.Add(Create(actor, action, reportId, detail));

    public async Task WriteAsync(string action, int? reportId = null, string? detail = null, CancellationToken ct = default)
    {
        Stage(action, reportId, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One record per report for list-style reads, saved in one round trip.</summary>
    public async Task WriteManyAsync(string action, IEnumerable<int> reportIds, string? detail = null, CancellationToken ct = default)
    {
        foreach (var id in reportIds)
        {
            Stage(action, id, detail);
        }

        await db.SaveChangesAsync(ct);
    }

    private AuditEntry Create(ClaimsPrincipal? user, string action, int? reportId, string? detail)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var actor = user?.ToActor(Door.Api, address) ?? new Actor(null, null, null, Door.Api, address);
        return AuditEntries.Create(actor, action, reportId, detail, time.GetUtcNow());
    }
}
