using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Audit;

/// <summary>
/// The one way an audit record is made, for every door. Records are staged in the caller's unit of work, so a
/// change and its record commit together.
/// </summary>
public static class AuditEntries
{
    public static AuditEntry Create(Actor actor, string action, int? reportId, string? detail, DateTimeOffset at) => new()
    {
        At = at,
        Action = action,
        ReportId = reportId,
        Detail = detail,
        UserId = actor.UserId,
        Username = actor.Username,
        Role = actor.Role,
        ClientAddress = actor.ClientAddress,
    };

    public static void Stage(ReportLensDbContext db, Actor actor, string action, int? reportId, string? detail, DateTimeOffset at) =>
        db.AuditEntries.Add(Create(actor, action, reportId, detail, at));

    /// <summary>One record per report (imports, exports, list reads).</summary>
    public static void StageMany(ReportLensDbContext db, Actor actor, string action, IEnumerable<int> reportIds, string? detail, DateTimeOffset at) =>
        db.AuditEntries.AddRange(reportIds.Select(id => Create(actor, action, id, detail, at)));
}
