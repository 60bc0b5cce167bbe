using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Application.Evaluation;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Queue;
using ReportLens.Llm;
using ReportLens.Llm.Errors;

namespace ReportLens.Jobs.Workers;

/// <summary>
/// Runs one claimed item through "analyse and record" and adds the item's bookkeeping: succeeded or failed for a
/// schema (annotation and item in one transaction), failed for good (with the reason), retried later (transient
/// failure, with backoff), or put back to wait (no endpoint).
/// </summary>
public sealed partial class JobItemProcessor(
    AnalyseAndRecord analyses,
    EvaluationRuns evaluations,
    IDbContextFactory<ReportLensDbContext> factory,
    JobItemQueue queue,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobItemProcessor> logger)
{
    private const int KnownJobs = 64;
    private readonly JobOptions _options = options.Value;
    private readonly ConcurrentDictionary<long, Job> _jobs = new();

    /// <summary>What happened to the item; the worker waits a while after <see cref="ItemOutcome.Unavailable"/>.</summary>
    public async Task<ItemOutcome> ProcessAsync(ClaimedItem item, CancellationToken stop)
    {
        var job = await JobAsync(item.JobId, stop);
        if (job is null)
        {
            return ItemOutcome.Dropped;
        }

        if (item.Attempts >= _options.MaxAttempts)
        {
            // Its earlier runs ended with their workers (crash, kill, out of memory): do not hand it another one.
            LogGaveUp(item.Id, item.JobId, item.Attempts, "lease expired");
            return await FailAsync(item, $"gave up after {item.Attempts} attempts: the workers running it stopped before it finished");
        }

        var request = AnalysisRequest.ForStoredReport(job.AnnotationType, job.UserPrompt, job.Engine, job.Model, job.Temperature,
            job.BypassCache, interactive: false);
        var step = new JobItemStep(queue, item);
        try
        {
            if (job.EvaluationRunId is { } runId)
            {
                return await evaluations.RunItemAsync(runId, item.ReportId, step, stop) ? ItemOutcome.Succeeded : ItemOutcome.Dropped;
            }

            var stored = await analyses.RunAsync(item.ReportId, request, Actor.ForJob(job.Id, job.CreatedBy), step, stop);
            switch (stored?.Status)
            {
                case AnnotationStatus.Succeeded:
                    return ItemOutcome.Succeeded;
                case AnnotationStatus.Failed:
                    LogFailed(item.Id, item.JobId);
                    return ItemOutcome.Failed;
                case null when !step.Declined:
                    return await FailAsync(item, "report deleted");
                default:
                    return ItemOutcome.Dropped;
            }
        }
        catch (DbUpdateException) when (!stop.IsCancellationRequested)
        {
            // Another worker, whose lease outlived it, stored this item's one annotation first (unique job-item index).
            if (await queue.IsAnnotatedAsync(item.Id, CancellationToken.None))
            {
                return ItemOutcome.Dropped;
            }

            throw;
        }
        catch (LlmUnavailableException unavailable)
        {
            // Not the item's fault: it waits without using up an attempt, and resumes when an endpoint is back.
            var wait = TimeSpan.FromSeconds(_options.UnavailableWaitSeconds);
            if (unavailable.RetryAfter is { } after && after > TimeSpan.Zero && after < wait)
            {
                wait = after;
            }
            await queue.ReleaseAsync(item, item.Owner, item.Attempts, time.GetUtcNow() + wait, unavailable.Message, CancellationToken.None);
            LogWaiting(item.Id, item.JobId, wait.TotalSeconds);
            return ItemOutcome.Unavailable;
        }
        catch (LlmException failure) when (failure.IsTransient)
        {
            return await RetryOrFailAsync(item, failure.Message, failure.GetType().Name);
        }
        catch (LlmException failure)
        {
            return await FailAsync(item, failure.Message);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: hand the item back at once rather than leave it to its lease.
            await queue.ReleaseAsync(item, item.Owner, item.Attempts, null, null, CancellationToken.None);
            return ItemOutcome.Released;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            return await RetryOrFailAsync(item, $"unexpected {unexpected.GetType().Name}", unexpected.GetType().Name);
        }
    }

    /// <summary>
    /// What the job runs (type, engine, model, prompt…), fixed when it was created: read once per job, not once per
    /// item. Only these fields are used; its status and counters change and are never read from here.
    /// </summary>
    private async Task<Job?> JobAsync(long jobId, CancellationToken stop)
    {
        if (_jobs.TryGetValue(jobId, out var known))
        {
            return known;
        }

        await using var db = await factory.CreateDbContextAsync(stop);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, stop);
        if (job is not null)
        {
            if (_jobs.Count >= KnownJobs)
            {
                _jobs.Clear();
            }

            _jobs[jobId] = job;
        }

        return job;
    }

    private async Task<ItemOutcome> RetryOrFailAsync(ClaimedItem item, string error, string kind)
    {
        var attempts = item.Attempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            LogGaveUp(item.Id, item.JobId, attempts, kind);
            return await FailAsync(item, $"gave up after {attempts} attempts: {error}");
        }

        var delay = RetryPolicy.Delay(attempts, _options, Random.Shared.NextDouble());
        await queue.ReleaseAsync(item, item.Owner, attempts, time.GetUtcNow() + delay, error, CancellationToken.None);
        LogRetry(item.Id, item.JobId, attempts, kind, delay.TotalSeconds);
        return ItemOutcome.Retried;
    }

    private async Task<ItemOutcome> FailAsync(ClaimedItem item, string error)
    {
        await queue.FailAsync(item, error, CancellationToken.None);
        LogFailed(item.Id, item.JobId);
        return ItemOutcome.Failed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} item {ItemId}: transient {Kind} (attempt {Attempts}); retrying in {DelaySeconds:0.0} s")]
    private partial void LogRetry(long itemId, long jobId, int attempts, string kind, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} item {ItemId}: gave up after {Attempts} attempts ({Kind})")]
    private partial void LogGaveUp(long itemId, long jobId, int attempts, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} item {ItemId} failed permanently")]
    private partial void LogFailed(long itemId, long jobId);

    // Debug: while an endpoint is down every claimed item says this every few seconds; the pool monitor's one warning is the signal.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} item {ItemId}: no LLM endpoint reachable; waiting {WaitSeconds:0.0} s")]
    private partial void LogWaiting(long itemId, long jobId, double waitSeconds);
}
