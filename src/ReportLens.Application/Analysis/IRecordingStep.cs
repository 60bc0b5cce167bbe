using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Analysis;

/// <summary>
/// What a door adds to the recording transaction of <see cref="AnalyseAndRecord"/>: the job worker's item and job
/// bookkeeping. Its annotation carries <see cref="JobId"/> and <see cref="JobItemId"/>.
/// </summary>
public interface IRecordingStep
{
    long JobId { get; }

    long JobItemId { get; }

    /// <summary>
    /// Runs inside the transaction, after the annotation is saved (it has its id). False rolls the whole
    /// transaction back: nothing of this analysis is stored.
    /// </summary>
    Task<bool> RecordAsync(ReportLensDbContext db, Annotation annotation, CancellationToken ct);
}
