using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Infrastructure;

/// <summary>
/// The CLI works on the database directly, so it writes the same audit records the server does; the actor is the
/// operating-system user ("cli:NAME"), the address "local".
/// </summary>
public static class CliAudit
{
    /// <summary>The server's AuditActions.UserChange; the CLI does not reference the server assembly.</summary>
    public const string UserChange = "user_change";

    public static void Stage(ReportLensDbContext db, TimeProvider time, string action, IEnumerable<int> reportIds, string? detail = null)
    {
        var at = time.GetUtcNow();
        foreach (var id in reportIds)
        {
            db.AuditEntries.Add(Entry(at, action, id, detail));
        }
    }

    public static void StageUserChange(ReportLensDbContext db, TimeProvider time, string detail) =>
        db.AuditEntries.Add(Entry(time.GetUtcNow(), UserChange, reportId: null, detail));

    private static AuditEntry Entry(DateTimeOffset at, string action, int? reportId, string? detail) => new()
    {
        At = at,
        Action = action,
        ReportId = reportId,
        Detail = detail,
        Username = $"cli:{Environment.UserName}",
        Role = "cli",
        ClientAddress = "local",
    };
}
