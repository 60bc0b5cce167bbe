using ReportLens.Data.Entities;

namespace ReportLens.Application.Outbox;

/// <summary>
/// One way out of the outbox (a signed webhook, a FHIR push, an HL7 message to a peer): which deliveries it sends,
/// how it sends one, and how hard it retries.
/// </summary>
public interface IOutboxTransport
{
    /// <summary>The metric and log name of this way out: webhook, fhir, hl7.</summary>
    string Kind { get; }

    bool Handles(WebhookDelivery delivery);

    int MaxAttempts { get; }

    /// <summary>How long one attempt may take; the sender claims a delivery for twice this.</summary>
    TimeSpan Timeout { get; }

    /// <summary>The delay after the given failed attempt (1-based).</summary>
    TimeSpan RetryDelay(int attempt);

    Task<OutboxAttempt> SendAsync(WebhookDelivery delivery, CancellationToken ct);
}
