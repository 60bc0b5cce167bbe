using ReportLens.Application.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Hl7;

/// <summary>Records the message and the ACK it gets in the same transaction as its report, so a resend finds both or neither.</summary>
internal sealed class ReceivedMessageStep(string controlId, string accession, string? sendingApplication, string ack, DateTimeOffset at) : IStoringStep
{
    public Task<bool> RecordAsync(ReportLensDbContext db, StoredReport stored, CancellationToken ct)
    {
        db.ReceivedHl7Messages.Add(new ReceivedHl7Message
        {
            ControlId = controlId,
            AccessionNumber = accession,
            SendingApplication = sendingApplication,
            ReportId = stored.ReportId,
            Ack = ack,
            ReceivedAt = at,
        });
        return Task.FromResult(true);
    }
}
