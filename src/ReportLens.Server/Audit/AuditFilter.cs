using Microsoft.AspNetCore.Mvc;

namespace ReportLens.Server.Audit;

/// <summary>Audit trail filters from the query string (snake_case names), bound with <c>[AsParameters]</c>.</summary>
public sealed record AuditFilter
{
    [FromQuery(Name = "report_id")]
    public int? ReportId { get; init; }

    [FromQuery(Name = "user_id")]
    public int? UserId { get; init; }

    [FromQuery(Name = "username")]
    public string? Username { get; init; }

    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    /// <summary>First day included (UTC).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    /// <summary>Last day included (UTC).</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }
}
