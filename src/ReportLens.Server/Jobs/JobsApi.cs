using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;
using ReportLens.Jobs;
using ReportLens.Jobs.Control;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Jobs;

/// <summary>Durable batch jobs: POST /api/v1/ai/batch-analyze, jobs by ids or filter, progress (also as SSE) and control.</summary>
public static class JobsApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/ai/batch-analyze", JobCreationEndpoints.BatchAnalyzeAsync)
            .WithTags("AI Analysis").RequireAuthorization(Policies.Write)
            .WithName("BatchAnalyze").WithSummary("Analyse up to 50 stored reports as a background job")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Policies.Read);
        jobs.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("List jobs, newest first");
        jobs.MapGet("/{id:long}", GetAsync).WithName("GetJob").WithSummary("A job's progress").ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{id:long}/items", ItemsAsync).WithName("ListJobItems").WithSummary("A job's items, by state").ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{id:long}/events", EventsAsync).WithName("StreamJobEvents").WithSummary("A job's progress as server-sent events").ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/", JobCreationEndpoints.CreateAsync).RequireAuthorization(Policies.Write)
            .WithName("CreateJob").WithSummary("Analyse reports by ids or by a filter as a background job")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        jobs.MapPost("/{id:long}/cancel", JobControlEndpoints.CancelAsync).RequireAuthorization(Policies.Write)
            .WithName("CancelJob").WithSummary("Cancel a job's pending items").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPost("/{id:long}/pause", JobControlEndpoints.PauseAsync).RequireAuthorization(Policies.Write)
            .WithName("PauseJob").WithSummary("Pause a job").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPost("/{id:long}/resume", JobControlEndpoints.ResumeAsync).RequireAuthorization(Policies.Write)
            .WithName("ResumeJob").WithSummary("Resume a paused job").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPost("/{id:long}/retry-failed", JobControlEndpoints.RetryFailedAsync).RequireAuthorization(Policies.Write)
            .WithName("RetryFailedJobItems").WithSummary("Queue a job's failed items again").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<JobProgress>>, ValidationProblem>> ListAsync(
        JobReader reader, string? status, int? offset, int? limit, CancellationToken ct)
    {
        JobStatus? wanted = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<JobStatus>(status, out var parsed))
            {
                return Problems.Validation("status", $"status must be one of {string.Join(", ", WireNames.Of<JobStatus>())}");
            }

            wanted = parsed;
        }

        if (Page(offset, limit, out var skip, out var take) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await reader.ListAsync(wanted, skip, take, ct));
    }

    internal static async Task<Results<Ok<JobProgress>, ProblemHttpResult>> GetAsync(long id, JobReader reader, CancellationToken ct) =>
        await reader.GetAsync(id, ct) is { } job ? TypedResults.Ok(job) : Problems.NotFound($"no job with id {id}");

    internal static async Task<Results<Ok<IReadOnlyList<JobItemView>>, ValidationProblem, ProblemHttpResult>> ItemsAsync(
        long id, JobReader reader, string? state, int? offset, int? limit, CancellationToken ct)
    {
        JobItemState? wanted = null;
        if (state is not null)
        {
            if (!WireNames.TryParse<JobItemState>(state, out var parsed))
            {
                return Problems.Validation("state", $"state must be one of {string.Join(", ", WireNames.Of<JobItemState>())}");
            }

            wanted = parsed;
        }

        if (Page(offset, limit, out var skip, out var take) is { } problem)
        {
            return problem;
        }

        return await reader.ItemsAsync(id, wanted, skip, take, ct) is { } items
            ? TypedResults.Ok(items)
            : Problems.NotFound($"no job with id {id}");
    }

    /// <summary>Server-Sent Events: a "progress" event whenever the counts change, then "end" with the final state.</summary>
    internal static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> EventsAsync(
        long id, JobReader reader, IOptions<JobOptions> options, CancellationToken ct)
    {
        if (await reader.GetAsync(id, ct) is null)
        {
            return Problems.NotFound($"no job with id {id}");
        }

        var interval = TimeSpan.FromMilliseconds(options.Value.EventsIntervalMs);
        return TypedResults.ServerSentEvents(StreamAsync(reader, id, interval, ct));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        JobReader reader, long id, TimeSpan interval, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var progress in reader.WatchAsync(id, interval, ct))
        {
            var json = JsonSerializer.Serialize(progress, ReportLensJson.Options);
            yield return new SseItem<string>(json, progress.Status.IsFinished() ? "end" : "progress");
        }
    }

    private static ValidationProblem? Page(int? offset, int? limit, out int skip, out int take)
    {
        skip = offset ?? 0;
        take = limit ?? 100;
        if (skip < 0)
        {
            return Problems.Validation("offset", "offset must not be negative");
        }

        return take is < 1 or > MaxPageSize ? Problems.Validation("limit", $"limit must be between 1 and {MaxPageSize}") : null;
    }
}
