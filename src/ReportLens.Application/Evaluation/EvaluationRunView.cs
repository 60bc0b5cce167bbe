using ReportLens.Data.Entities;

namespace ReportLens.Application.Evaluation;

/// <summary>
/// An evaluation run: its gold set, plan, progress (its job's items: one per gold report) and, once the job has
/// ended, the results. GET /api/v1/evaluations/{id}.
/// </summary>
public sealed record EvaluationRunView(
    long Id,
    int GoldSetId,
    string GoldSetName,
    long? JobId,
    JobStatus Status,
    int Total,
    int Succeeded,
    int Failed,
    IReadOnlyList<PlannedRun> Plan,
    IReadOnlyList<EvaluationRunResult>? Results,
    int? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
