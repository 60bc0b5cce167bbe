using ReportLens.Application.Outbox;

namespace ReportLens.Server.Observability;

/// <summary>Feeds reportlens_outbox_attempts_total from every outbox attempt (webhooks, FHIR pushes, HL7 messages out).</summary>
public sealed class OutboxMetrics(ReportLensMetrics metrics) : IOutboxObserver
{
    public void Attempted(string kind, string outcome) => metrics.RecordOutboxAttempt(kind, outcome);
}
