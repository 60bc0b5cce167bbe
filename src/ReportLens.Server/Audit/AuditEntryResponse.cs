using ReportLens.Data.Entities;

namespace ReportLens.Server.Audit;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, int? UserId, string? Username, string? Role, string Action, int? ReportId, string? Detail, string? ClientAddress)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.Id, e.At, e.UserId, e.Username, e.Role, e.Action, e.ReportId, e.Detail, e.ClientAddress);
}
