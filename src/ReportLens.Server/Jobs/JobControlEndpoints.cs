using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Audit;
using ReportLens.Jobs.Control;
using ReportLens.Server.Audit;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Jobs;

/// <summary>cancel, pause, resume and retry-failed: 200 with the job, 404 for an unknown one, 409 when its state forbids it.</summary>
internal static class JobControlEndpoints
{
    public static Task<Results<Ok<JobProgress>, ProblemHttpResult>> CancelAsync(long id, JobService jobs, JobReader reader, AuditLog audit, CancellationToken ct) =>
        ControlAsync(id, "cancel", jobs.CancelAsync, reader, audit, ct);

    public static Task<Results<Ok<JobProgress>, ProblemHttpResult>> PauseAsync(long id, JobService jobs, JobReader reader, AuditLog audit, CancellationToken ct) =>
        ControlAsync(id, "pause", jobs.PauseAsync, reader, audit, ct);

    public static Task<Results<Ok<JobProgress>, ProblemHttpResult>> ResumeAsync(long id, JobService jobs, JobReader reader, AuditLog audit, CancellationToken ct) =>
        ControlAsync(id, "resume", jobs.ResumeAsync, reader, audit, ct);

    public static async Task<Results<Ok<RetryFailedResponse>, ProblemHttpResult>> RetryFailedAsync(
        long id, JobService jobs, JobReader reader, AuditLog audit, CancellationToken ct)
    {
        var (result, retried) = await jobs.RetryFailedAsync(id, ct);
        if (Problem(id, "retry-failed", result) is { } problem)
        {
            return problem;
        }

        await audit.WriteAsync(AuditActions.Analyze, detail: $"job {id}: retry-failed ({retried} items)", ct: ct);
        return TypedResults.Ok(new RetryFailedResponse(retried, (await reader.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<JobProgress>, ProblemHttpResult>> ControlAsync(
        long id, string action, Func<long, CancellationToken, Task<ControlResult>> change, JobReader reader, AuditLog audit, CancellationToken ct)
    {
        if (Problem(id, action, await change(id, ct)) is { } problem)
        {
            return problem;
        }

        await audit.WriteAsync(AuditActions.Analyze, detail: $"job {id}: {action}", ct: ct);
        return TypedResults.Ok((await reader.GetAsync(id, ct))!);
    }

    private static ProblemHttpResult? Problem(long id, string action, ControlResult result) => result switch
    {
        ControlResult.NotFound => Problems.NotFound($"no job with id {id}"),
        ControlResult.Conflict => Problems.Conflict($"job {id} cannot {action} in its current state"),
        _ => null,
    };
}
