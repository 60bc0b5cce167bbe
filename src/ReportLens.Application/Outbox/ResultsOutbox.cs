using Microsoft.Extensions.Options;
using ReportLens.Application.Fhir;
using ReportLens.Application.Hl7Out;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Outbox;

/// <summary>
/// Results out on completion: when an analysis of a report is recorded, its push to the configured FHIR server and
/// its ORU^R01 to the configured MLLP peer go into the outbox, in the recording transaction. Each body is built when
/// it is sent, so it carries the report's results (and reviews) as they stand then.
/// </summary>
public sealed class ResultsOutbox(IOptions<FhirPushOptions> fhir, IOptions<Hl7OutOptions> hl7)
{
    /// <summary>Stages the deliveries; true when any was staged (wake the sender once the transaction commits).</summary>
    public bool Stage(ReportLensDbContext db, int reportId, DateTimeOffset now)
    {
        var staged = false;
        foreach (var (destination, eventName) in new[] { (fhir.Value.Server, FhirPushTransport.Event), (hl7.Value.Peer, OruOutTransport.Event) })
        {
            if (destination is null)
            {
                continue;
            }

            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                ReportId = reportId,
                Event = eventName,
                Url = destination.AbsoluteUri,
                PayloadJson = "",
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            staged = true;
        }

        return staged;
    }
}
