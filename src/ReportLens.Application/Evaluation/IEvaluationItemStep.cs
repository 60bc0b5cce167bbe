using ReportLens.Data;

namespace ReportLens.Application.Evaluation;

/// <summary>The worker's part of one gold report's run: its job item ends, with the outputs, in one transaction.</summary>
public interface IEvaluationItemStep
{
    /// <summary>False when this worker no longer holds the item (finished elsewhere, cancelled): the caller rolls back.</summary>
    Task<bool> FinishAsync(ReportLensDbContext db, CancellationToken ct);
}
