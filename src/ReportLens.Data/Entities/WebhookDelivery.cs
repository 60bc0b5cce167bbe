namespace ReportLens.Data.Entities;

/// <summary>
/// The outbox: one call to make — a signed critical-finding webhook, a report's FHIR push — written in the
/// transaction that opened the case or recorded the analysis, so nothing is lost if the process stops; a background
/// service sends it until it succeeds or its attempts run out.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    /// <summary>The critical-finding case a webhook call is about; null for a report's results.</summary>
    public long? CaseId { get; set; }
    /// <summary>The report whose results a push carries; null for a webhook call.</summary>
    public int? ReportId { get; set; }
    /// <summary>critical_finding.opened, critical_finding.escalated or fhir.push.</summary>
    public required string Event { get; set; }
    public required string Url { get; set; }
    /// <summary>The exact body sent (and signed): ids and the finding term, never report text; empty for a push, built when sent.</summary>
    public required string PayloadJson { get; set; }
    /// <summary>One of <see cref="WebhookDeliveryState"/>.</summary>
    public required string State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
