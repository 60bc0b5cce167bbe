using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Fhir;
using ReportLens.Application.Outbox;
using ReportLens.Core.Annotations;
using ReportLens.Core.Hl7;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Hl7Out;

/// <summary>
/// Sends a report's structured results as an ORU^R01 (<see cref="OruWriter"/>) to the MLLP peer, built when it is sent
/// from the report's reviewed (else latest) extraction; an AA (or CA) acknowledgment is delivered, AE, AR or no answer
/// is retried. The control id is the same on every retry (RL + delivery id), so the peer can drop repeats.
/// </summary>
public sealed class OruOutTransport(IDbContextFactory<ReportLensDbContext> databases, IOptions<Hl7OutOptions> options, TimeProvider time) : IOutboxTransport
{
    public const string Event = "hl7.oru";

    public string Kind => "hl7";

    public int MaxAttempts => options.Value.MaxAttempts;

    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public bool Handles(WebhookDelivery delivery) => delivery.Event == Event;

    public TimeSpan RetryDelay(int attempt) => options.Value.RetryDelay(attempt);

    public async Task<OutboxAttempt> SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        if (delivery.ReportId is not { } reportId || await ResultsAsync(reportId, ct) is not { } results)
        {
            return OutboxAttempt.Gone("report deleted");
        }

        var settings = options.Value;
        var message = OruWriter.Build(results, "RL" + delivery.Id.ToString(CultureInfo.InvariantCulture), settings.ReceivingApplication,
            settings.ReceivingFacility, time.GetUtcNow());
        var peer = new Uri(delivery.Url);
        await using var client = await MllpClient.ConnectAsync(peer.Host, peer.Port, ct);
        var answer = await client.SendAsync(Encoding.UTF8.GetBytes(message), ct);
        if (answer is null || Hl7Message.Parse(answer).Message?.First("MSA") is not { } msa)
        {
            return new OutboxAttempt(null, "no acknowledgment", false);
        }

        var code = msa.Value(1);
        return code is "AA" or "CA" ? new OutboxAttempt(null, null, true) : new OutboxAttempt(null, $"{code}: {msa.Value(3)}", false);
    }

    private async Task<OruResults?> ResultsAsync(int reportId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, ct);
        if (report is null)
        {
            return null;
        }

        var extractions = await db.Annotations.AsNoTracking()
            .Where(a => a.ReportId == reportId && a.Status == AnnotationStatus.Succeeded && a.AnnotationType == AnnotationType.Extraction)
            .ToListAsync(ct);
        var chosen = ReportFhirExport.ChosenOfEachType(extractions).SingleOrDefault();
        return new OruResults(report.Id, report.AccessionNumber, report.Modality, report.BodyPart, report.ExamDate, report.ReportContent,
            chosen is null ? null : FhirBundleBuilder.Reviewed(chosen) as ExtractionContent);
    }
}
