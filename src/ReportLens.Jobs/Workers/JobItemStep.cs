using ReportLens.Application.Analysis;
using ReportLens.Application.Evaluation;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Queue;

namespace ReportLens.Jobs.Workers;

/// <summary>
/// The worker's part of "analyse and record": the item ends (succeeded or failed) with its annotation, in one
/// transaction; for an evaluation run's item, with its outputs.
/// </summary>
public sealed class JobItemStep(JobItemQueue queue, ClaimedItem item) : IRecordingStep, IEvaluationItemStep
{
    public long JobId => item.JobId;

    public long JobItemId => item.Id;

    /// <summary>
    /// The item was no longer this worker's to finish (its lease lost, or the job cancelled): nothing of the analysis
    /// was stored. Tells that apart from a report that was gone before anything ran.
    /// </summary>
    public bool Declined { get; private set; }

    public async Task<bool> RecordAsync(ReportLensDbContext db, Annotation annotation, CancellationToken ct)
    {
        var finished = annotation.Status == AnnotationStatus.Succeeded
            ? await queue.FinishAsync(db, item, JobItemState.Succeeded, annotation, error: null, ct)
            : await queue.FinishAsync(db, item, JobItemState.Failed, annotation, annotation.ErrorReason, ct);
        Declined = !finished;
        return finished;
    }

    public Task<bool> FinishAsync(ReportLensDbContext db, CancellationToken ct) =>
        queue.FinishAsync(db, item, JobItemState.Succeeded, annotation: null, error: null, ct);
}
