using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Jobs.Analysis;
using ReportLens.Jobs.Queue;
using ReportLens.Llm;

namespace ReportLens.Jobs.Workers;

/// <summary>
/// Runs one claimed item and records how it ended: succeeded (annotation and item in one transaction), failed
/// for good (with the reason), retried later (transient failure, with backoff), or put back to wait (no endpoint).
/// </summary>
public sealed partial class JobItemProcessor(
    IServiceScopeFactory scopes,
    IDbContextFactory<ReportLensDbContext> factory,
    JobItemQueue queue,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobItemProcessor> logger)
{
    private readonly JobOptions _options = options.Value;

    /// <summary>What happened to the item; the worker waits a while after <see cref="ItemOutcome.Unavailable"/>.</summary>
    public async Task<ItemOutcome> ProcessAsync(ClaimedItem item, CancellationToken stop)
    {
        await using var db = await factory.CreateDbContextAsync(stop);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == item.JobId, stop);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == item.ReportId, stop);
        if (job is null)
        {
            return ItemOutcome.Dropped;
        }

        if (report is null || report.IsDeleted)
        {
            return await FailAsync(item, "report deleted", null);
        }

        if (item.Attempts >= _options.MaxAttempts)
        {
            // Its earlier runs ended with their workers (crash, kill, out of memory): do not hand it another one.
            LogGaveUp(item.Id, item.JobId, item.Attempts, "lease expired");
            return await FailAsync(item, $"gave up after {item.Attempts} attempts: the workers running it stopped before it finished", null);
        }

        AnnotationTypes.TryParse(job.AnnotationType, out var type);
        LanguageDetector.TryParse(report.Language, out var language);
        var engine = Enum.Parse<EngineKind>(job.Engine, ignoreCase: true);
        var input = new AnalysisInput(report.Id, report.ReportContent, language, type, job.UserPrompt, engine, job.Model,
            job.Temperature, job.BypassCache, Interactive: false, JobId: job.Id, JobItemId: item.Id);
        await using var scope = scopes.CreateAsyncScope();
        var analysis = scope.ServiceProvider.GetRequiredService<AnalysisService>();
        try
        {
            var result = await analysis.RunAsync(input, stop);
            var annotation = analysis.ToAnnotation(input, result, job.CreatedBy);
            var stored = await queue.CompleteAsync(item, annotation, AnalysisService.UrgencyOf(result), stop);
            return stored ? ItemOutcome.Succeeded : ItemOutcome.Dropped;
        }
        catch (LlmSchemaException failure)
        {
            return await FailAsync(item, failure.Message, analysis.ToFailedAnnotation(input, failure, job.CreatedBy));
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
            return await FailAsync(item, failure.Message, null);
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

    private async Task<ItemOutcome> RetryOrFailAsync(ClaimedItem item, string error, string kind)
    {
        var attempts = item.Attempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            LogGaveUp(item.Id, item.JobId, attempts, kind);
            return await FailAsync(item, $"gave up after {attempts} attempts: {error}", null);
        }

        var delay = RetryPolicy.Delay(attempts, _options, Random.Shared.NextDouble());
        await queue.ReleaseAsync(item, item.Owner, attempts, time.GetUtcNow() + delay, error, CancellationToken.None);
        LogRetry(item.Id, item.JobId, attempts, kind, delay.TotalSeconds);
        return ItemOutcome.Retried;
    }

    private async Task<ItemOutcome> FailAsync(ClaimedItem item, string error, Data.Entities.Annotation? failed)
    {
        await queue.FailAsync(item, error, failed, CancellationToken.None);
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
