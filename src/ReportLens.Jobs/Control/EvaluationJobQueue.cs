using ReportLens.Application.Evaluation;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Workers;

namespace ReportLens.Jobs.Control;

/// <summary>An evaluation run's job: one item per gold report (ReportId = its index in the gold set), run by the same workers as analysis jobs.</summary>
public sealed class EvaluationJobQueue(JobSignal signal, TimeProvider time) : IEvaluationQueue
{
    public async Task<long> EnqueueAsync(ReportLensDbContext db, long runId, int goldReports, int? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var job = new Job
        {
            // The type and engine an analysis job needs; an evaluation job runs every type with its run's engines.
            AnnotationType = AnnotationType.Classification,
            Engine = EngineKind.Rules,
            Status = JobStatus.Queued,
            Total = goldReports,
            EvaluationRunId = runId,
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in Enumerable.Range(0, goldReports).Chunk(JobService.InsertBatchSize))
        {
            db.JobItems.AddRange(chunk.Select(index => new JobItem { JobId = job.Id, ReportId = index, State = JobItemState.Pending }));
            await db.SaveChangesAsync(ct);
        }

        return job.Id;
    }

    public void Notify() => signal.Notify();
}
