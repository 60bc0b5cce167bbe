using ReportLens.Data;

namespace ReportLens.Application.Evaluation;

/// <summary>The durable job queue as evaluation runs use it (implemented by the jobs module): one item per gold report.</summary>
public interface IEvaluationQueue
{
    /// <summary>Adds the run's job and its items in the caller's transaction; returns the job's id.</summary>
    Task<long> EnqueueAsync(ReportLensDbContext db, long runId, int goldReports, int? userId, CancellationToken ct);

    /// <summary>Wakes the workers once the caller has committed.</summary>
    void Notify();
}
