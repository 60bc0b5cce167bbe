using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Infrastructure;

/// <summary>
/// The CLI works on the database directly, so it writes the same audit records the server does; the actor is the
/// operating-system user ("cli:NAME"), the address "local".
/// </summary>
public static class CliAudit
{
    public static void Stage(ReportLensDbContext db, string action, IEnumerable<int> reportIds, string? detail = null)
    {
        var at = DateTimeOffset.UtcNow;
        foreach (var id in reportIds)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = at,
                Action = action,
                ReportId = id,
                Detail = detail,
                Username = $"cli:{Environment.UserName}",
                Role = "cli",
                ClientAddress = "local",
            });
        }
    }
}
