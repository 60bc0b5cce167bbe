namespace ReportLens.Data.Entities;

/// <summary>
/// The outbox: one signed webhook call to make, written in the transaction that opened or escalated the case, so
/// nothing is lost if the process stops; a background service sends it until it succeeds or its attempts run out.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>critical_finding.opened or critical_finding.escalated.</summary>
    public required string Event { get; set; }
    public required string Url { get; set; }
    /// <summary>The exact body sent (and signed): ids and the finding term, never report text.</summary>
    public required string PayloadJson { get; set; }
    /// <summary>One of <see cref="WebhookDeliveryState"/>.</summary>
    public required string State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
