using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reports;

/// <summary>What a door adds to the transaction of <see cref="ReportStore"/> (the HL7 listener's received-message record).</summary>
public interface IStoringStep
{
    /// <summary>Runs inside the transaction, after the report is saved (it has its id); false rolls everything back.</summary>
    Task<bool> RecordAsync(ReportLensDbContext db, StoredReport stored, CancellationToken ct);
}
