using System.Text.Json;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>Writes a case's webhook calls into the outbox, in the caller's unit of work: they commit with the case's change.</summary>
public static class WebhookOutbox
{
    public static void Stage(ReportLensDbContext db, CriticalCase criticalCase, string? accessionNumber, string eventName,
        IEnumerable<Uri> receivers, DateTimeOffset now)
    {
        var payload = new CriticalWebhookPayload(eventName, criticalCase.Id, criticalCase.ReportId, accessionNumber,
            new CriticalFindingTerm(criticalCase.Term, criticalCase.Category),
            new EvidenceSpan(criticalCase.EvidenceStart, criticalCase.EvidenceEnd),
            criticalCase.State, criticalCase.OpenedAt, criticalCase.EscalatedAt);
        var json = JsonSerializer.Serialize(payload, ReportLensJson.Options);
        foreach (var receiver in receivers)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                CaseId = criticalCase.Id,
                Event = eventName,
                Url = receiver.AbsoluteUri,
                PayloadJson = json,
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
