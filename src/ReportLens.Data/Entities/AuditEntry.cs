namespace ReportLens.Data.Entities;

/// <summary>Who did what to which report, when, from where. The application only ever inserts these.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? UserId { get; set; }
    public string? Username { get; set; }
    public string? Role { get; set; }
    /// <summary>read, list, create, update, delete, analyze, export, review, login…</summary>
    public required string Action { get; set; }
    public int? ReportId { get; set; }
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
}
