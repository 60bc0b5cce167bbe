namespace ReportLens.Data.Entities;

/// <summary>One try of a <see cref="WebhookDelivery"/>: when, the receiver's status code (null when none came back) and why it failed.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public double DurationMs { get; set; }
}
