using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs;
using ReportLens.Jobs.Control;
using ReportLens.Jobs.Queue;
using ReportLens.Jobs.Workers;

namespace ReportLens.Jobs.Tests;

/// <summary>Leases and bookkeeping of the job queue on both providers, with a clock the test moves.</summary>
public sealed class JobItemQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExpiredLease_ReturnsTheItem_AndCountsTheLostRunAsAnAttempt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, clock, _, _) = await PrepareAsync(database, items: 1);
        var first = Assert.Single(await queue.ClaimAsync("worker-a", 10, Lease, CancellationToken.None));
        Assert.Empty(await queue.ClaimAsync("worker-b", 10, Lease, CancellationToken.None));

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await queue.ClaimAsync("worker-b", 10, Lease, CancellationToken.None));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal((0, 1, "worker-b"), (first.Attempts, second.Attempts, second.Owner));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WorkerThatLostItsLease_CannotEndTheRunOfTheWorkerThatHasIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, clock, factory, _) = await PrepareAsync(database, items: 1);
        var stale = Assert.Single(await queue.ClaimAsync("worker-a", 10, Lease, CancellationToken.None));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = Assert.Single(await queue.ClaimAsync("worker-b", 10, Lease, CancellationToken.None));

        Assert.False(await queue.FailAsync(stale, "late failure", CancellationToken.None));
        Assert.True(await queue.FailAsync(current, "its own failure", CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        var item = await db.JobItems.SingleAsync(i => i.Id == current.Id);
        Assert.Equal((JobItemState.Failed, "its own failure"), (item.State, item.LastError));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LastItemFinished_EndsTheJobInTheSameCommit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, _, factory, jobId) = await PrepareAsync(database, items: 2);
        var claimed = await queue.ClaimAsync("worker-a", 10, Lease, CancellationToken.None);
        Assert.Equal(2, claimed.Count);

        await queue.FailAsync(claimed[0], "one", CancellationToken.None);
        Assert.Equal(JobStatus.Running, await StatusAsync(factory, jobId));
        await queue.FailAsync(claimed[1], "two", CancellationToken.None);

        Assert.Equal(JobStatus.CompletedWithErrors, await StatusAsync(factory, jobId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ItemWhoseWorkersKeptDying_FailsAtMaxAttemptsWithoutAnotherRun(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, clock, factory, jobId) = await PrepareAsync(database, items: 1);
        var options = new JobOptions { MaxAttempts = 2 };
        ClaimedItem item = null!;
        for (var run = 0; run <= options.MaxAttempts; run++)
        {
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
            item = Assert.Single(await queue.ClaimAsync($"worker-{run}", 10, Lease, CancellationToken.None));
        }

        // No analysis is needed: the processor must give up before it would start one.
        var processor = new JobItemProcessor(analyses: null!, evaluations: null!, factory, queue, Options.Create(options), clock, NullLogger<JobItemProcessor>.Instance);
        Assert.Equal(ItemOutcome.Failed, await processor.ProcessAsync(item, CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.JobItems.SingleAsync(i => i.Id == item.Id);
        Assert.Equal(JobItemState.Failed, stored.State);
        Assert.StartsWith("gave up after 2 attempts", stored.LastError, StringComparison.Ordinal);
        Assert.Equal(JobStatus.CompletedWithErrors, await StatusAsync(factory, jobId));
    }

    /// <summary>Expired runs and pending items come in one claim, in item order, cut at the limit.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Claim_TakesExpiredAndPendingItemsInItemOrder_UpToTheLimit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, clock, _, _) = await PrepareAsync(database, items: 6);
        var lost = await queue.ClaimAsync("worker-a", 3, Lease, CancellationToken.None);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var first = await queue.ClaimAsync("worker-b", 4, Lease, CancellationToken.None);
        var rest = await queue.ClaimAsync("worker-b", 10, Lease, CancellationToken.None);

        Assert.Equal(lost.Select(i => i.Id).Order(), first.Select(i => i.Id).Order().Take(3));
        Assert.Equal([1, 1, 1, 0], first.OrderBy(i => i.Id).Select(i => i.Attempts));
        Assert.Equal(2, rest.Count);
        Assert.True(first.Max(i => i.Id) < rest.Min(i => i.Id));
    }

    /// <summary>Claimers and finishers running at once take every item exactly once, and the last finisher ends the job.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentWorkers_TakeEachItemOnce_AndTheJobEndsWithTheLast(string provider)
    {
        const int items = 120;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, _, factory, jobId) = await PrepareAsync(database, items);
        var taken = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (await queue.ClaimAsync($"worker-{worker}", 7, Lease, CancellationToken.None) is { Count: > 0 } claimed)
            {
                foreach (var item in claimed)
                {
                    taken.Add(item.Id);
                    Assert.True(await queue.FailAsync(item, "done", CancellationToken.None));
                }
            }
        })));

        Assert.Equal(items, taken.Count);
        Assert.Equal(items, taken.Distinct().Count());
        await using var db = await factory.CreateDbContextAsync();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        Assert.Equal((JobStatus.CompletedWithErrors, items), (job.Status, job.Failed));
    }

    /// <summary>A queued job shows what its items should take at the measured rate; a finished one what they took.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Progress_ExpectsTheMeasuredRateBeforeTheStart_AndGivesTheRealDurationAfterTheEnd(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (queue, clock, factory, jobId) = await PrepareAsync(database, items: 2);
        var reader = new JobReader(factory, clock);
        Assert.Null((await reader.GetAsync(jobId, CancellationToken.None))!.ExpectedSeconds);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var reportId = await db.Reports.Select(r => r.Id).FirstAsync();
            Annotation Measured(double seconds, AnnotationType type = AnnotationType.Highlight, bool cached = false) => new()
            {
                ReportId = reportId,
                AnnotationType = type,
                Engine = EngineKind.Rules,
                Status = AnnotationStatus.Succeeded,
                ModelName = "rules",
                DurationSeconds = seconds,
                Cached = cached,
                CreatedAt = clock.GetUtcNow(),
            };
            // a cached result and another annotation type say nothing of this job's rate
            db.Annotations.AddRange(Measured(1.0), Measured(2.0), Measured(3.0), Measured(100, cached: true), Measured(50, AnnotationType.Extraction));
            await db.SaveChangesAsync();
        }

        var queued = (await reader.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal((4.0, (double?)null), (queued.ExpectedSeconds, queued.DurationSeconds));

        var claimed = await queue.ClaimAsync("worker-a", 10, Lease, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(90));
        foreach (var item in claimed)
        {
            await queue.FailAsync(item, "done", CancellationToken.None);
        }

        var finished = (await reader.GetAsync(jobId, CancellationToken.None))!;
        Assert.Equal(((double?)null, 90.0), (finished.ExpectedSeconds, finished.DurationSeconds));
        Assert.Single(await reader.ListAsync(null, 0, 10, CancellationToken.None), j => j.JobId == jobId && j.DurationSeconds == 90.0);
    }

    private static async Task<(JobItemQueue Queue, FakeTimeProvider Clock, IDbContextFactory<ReportLensDbContext> Factory, long JobId)> PrepareAsync(
        TestDatabase database, int items)
    {
        var factory = await database.MigratedFactoryAsync();
        var reportIds = await TestReports.StoreAsync(database.Url, items, Guid.NewGuid().ToString("N")[..8]);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var db = await factory.CreateDbContextAsync();
        var job = new Job
        {
            AnnotationType = AnnotationType.Highlight,
            Engine = EngineKind.Rules,
            Status = JobStatus.Queued,
            Total = items,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        db.JobItems.AddRange(reportIds.Select(id => new JobItem { JobId = job.Id, ReportId = id, State = JobItemState.Pending }));
        await db.SaveChangesAsync();
        return (new JobItemQueue(factory, clock), clock, factory, job.Id);
    }

    private static async Task<JobStatus> StatusAsync(IDbContextFactory<ReportLensDbContext> factory, long jobId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync();
    }
}
