using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Application.Reports;
using ReportLens.Core.Hl7;
using ReportLens.Core.Interop;
using ReportLens.Data;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Hl7;

/// <summary>
/// The HL7 door: one frame in, one ACK out. Parses and maps the ORU^R01, answers a resent message with the ACK it
/// got the first time, stores the report (or its correction) through <see cref="ReportStore"/> and queues the
/// arrival analyses. Logs name control ids and outcomes, never report text or accession numbers; every answer is
/// counted by its ACK code, and every message that could not be read by why (reportlens_hl7_*).
/// </summary>
public sealed class Hl7Intake(
    ReportStore store,
    ArrivalAnalysis arrivals,
    IDbContextFactory<ReportLensDbContext> databases,
    IOptions<Hl7Options> options,
    TimeProvider time,
    ReportLensMetrics metrics,
    ILogger<Hl7Intake> logger)
{
    public async Task<byte[]> HandleAsync(MllpFrame frame, string? address, CancellationToken ct)
    {
        if (frame.Kind != MllpFrameKind.Message)
        {
            var tooLarge = frame.Kind == MllpFrameKind.TooLarge;
            var error = tooLarge ? Hl7Error.TooLarge(options.Value.MaxMessageBytes) : Hl7Error.Framing(frame.Problem ?? "bad framing");
            return Answer(HeaderOf(frame.Bytes), error, Hl7Charsets.Utf8, tooLarge ? "too_large" : "framing");
        }

        var parsed = Hl7Message.Parse(frame.Bytes);
        if (parsed.Message is not { } message)
        {
            return Answer(HeaderOf(frame.Bytes), parsed.Error, Hl7Charsets.Utf8, "unparsable");
        }

        var mapped = OruMapper.Map(message, options.Value.AccessionSource);
        if (mapped.Report is not { } report)
        {
            return Answer(mapped.Header, mapped.Error, message.Encoding, "not_storable");
        }

        try
        {
            return message.Encoding.GetBytes(await StoreAsync(report, address, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "HL7 message {ControlId} from {Sender} could not be stored", report.Header.ControlId, report.Header.SendingApplication);
            return Answer(report.Header, Hl7Error.Internal(), message.Encoding, null);
        }
    }

    private async Task<string> StoreAsync(OruReport report, string? address, CancellationToken ct)
    {
        var header = report.Header;
        var controlId = header.ControlId!;
        if (await StoredAckAsync(controlId, report.AccessionNumber, ct) is { } earlier)
        {
            logger.LogInformation("HL7 message {ControlId} from {Sender} was received before: same ACK, nothing stored", controlId, header.SendingApplication);
            metrics.RecordHl7Message(AckCode.Accept, null);
            return earlier;
        }

        var now = time.GetUtcNow();
        var ack = Hl7Ack.Build(header, null, NewAckId(), now);
        var imported = new ImportedReport
        {
            AccessionNumber = report.AccessionNumber,
            Text = report.Text,
            Modality = report.Modality,
            BodyPart = report.BodyPart,
            ExamDate = report.ExamDate,
        };
        var submission = new ReportSubmission(imported, report.IsCorrection, $"hl7 {header.MessageType}^{header.TriggerEvent} {controlId}");
        StoredReport stored;
        try
        {
            stored = await store.SaveAsync(submission, Actor.ForHl7(header.SendingApplication, address),
                new ReceivedMessageStep(controlId, report.AccessionNumber, header.SendingApplication, ack, now), ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another connection stored this message (or this accession) first: the same ACK, or "send again".
            return await StoredAckAsync(controlId, report.AccessionNumber, ct) ?? Hl7Ack.Build(header, Hl7Error.Internal(), NewAckId(), now);
        }

        logger.LogInformation("HL7 message {ControlId} from {Sender}: report {ReportId} {Outcome} (version {Version})",
            controlId, header.SendingApplication, stored.ReportId, stored.Outcome, stored.Version);
        if (stored.Outcome == StoreOutcome.AccessionTaken)
        {
            metrics.RecordHl7Message(AckCode.Error, null);
            return Hl7Ack.Build(header, new Hl7Error(AckCode.Error, 205, "OBR^1^25",
                "a report with this accession number is stored with another text; send the new text as a correction (OBR-25 = C)"), NewAckId(), now);
        }

        if (stored.Outcome is StoreOutcome.Created or StoreOutcome.Corrected)
        {
            await QueueAnalysesAsync(stored.ReportId, report, ct);
        }

        metrics.RecordHl7Message(AckCode.Accept, null);
        return ack;
    }

    /// <summary>The report is stored and acknowledged either way: a failure to queue its analyses is logged, not answered.</summary>
    private async Task QueueAnalysesAsync(int reportId, OruReport report, CancellationToken ct)
    {
        try
        {
            await arrivals.QueueAsync(reportId, report.Modality, report.BodyPart, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "analyses for report {ReportId} (HL7 {ControlId}) could not be queued", reportId, report.Header.ControlId);
        }
    }

    private async Task<string?> StoredAckAsync(string controlId, string accession, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await db.ReceivedHl7Messages.Where(m => m.ControlId == controlId && m.AccessionNumber == accession)
            .Select(m => m.Ack).FirstOrDefaultAsync(ct);
    }

    /// <param name="failure">Why the message could not be read (a reportlens_hl7_parse_failures_total reason); null when it was read.</param>
    private byte[] Answer(Hl7Header header, Hl7Error? error, Encoding encoding, string? failure)
    {
        metrics.RecordHl7Message(error?.Ack ?? AckCode.Accept, failure);
        logger.LogWarning("HL7 message {ControlId} from {Sender} answered {Ack} {Code}: {Reason}",
            header.ControlId, header.SendingApplication, error?.Ack, error?.Code, error?.Reason);
        return encoding.GetBytes(Hl7Ack.Build(header, error, NewAckId(), time.GetUtcNow()));
    }

    /// <summary>The MSH of whatever came in, when it has one, so even a refusal names the message it refuses.</summary>
    private static Hl7Header HeaderOf(byte[] bytes)
    {
        var start = Array.IndexOf(bytes, (byte)'M');
        if (start < 0)
        {
            return Hl7Header.Unknown;
        }

        var end = Array.FindIndex(bytes, start, b => b is (byte)'\r' or (byte)'\n');
        var line = Encoding.UTF8.GetString(bytes, start, (end < 0 ? bytes.Length : end) - start);
        return Hl7Message.Parse(line, Hl7Charsets.Utf8).Message is { } message ? Hl7Header.Read(message) : Hl7Header.Unknown;
    }

    private static string NewAckId() => Guid.NewGuid().ToString("N")[..20];
}
