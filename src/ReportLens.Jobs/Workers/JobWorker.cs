using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Jobs.Queue;

namespace ReportLens.Jobs.Workers;

/// <summary>
/// This process's worker: keeps up to <see cref="WorkerCapacity.Value"/> items running, claiming more as each
/// finishes, renewing the leases of those it runs. Several processes may run one each against one database.
/// </summary>
public sealed partial class JobWorker(
    JobItemQueue queue,
    JobItemProcessor processor,
    JobSignal signal,
    WorkerCapacity capacity,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly JobOptions _options = options.Value;

    /// <summary>Names this process's leases: host, process id and a random part (a restarted process is a new owner).</summary>
    public string Owner { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}@{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}";

    private readonly ConcurrentDictionary<long, byte> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.WorkerEnabled)
        {
            return;
        }

        var slots = capacity.Value;
        LogStarted(Owner, slots);
        var running = new List<Task<ItemOutcome>>();
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLoopAsync(renewal.Token);
        var waitUntil = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var done in running.Where(t => t.IsCompleted).ToList())
                {
                    running.Remove(done);
                    if (done.IsCompletedSuccessfully && done.Result == ItemOutcome.Unavailable)
                    {
                        waitUntil = time.GetUtcNow() + TimeSpan.FromSeconds(_options.UnavailableWaitSeconds);
                    }
                }

                if (running.Count < slots && time.GetUtcNow() >= waitUntil)
                {
                    var claimed = await ClaimAsync(slots - running.Count, stoppingToken);
                    running.AddRange(claimed.Select(item => RunAsync(item, stoppingToken)));
                }

                await WaitAsync(running, slots, waitUntil, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task<ItemOutcome> RunAsync(ClaimedItem item, CancellationToken stop)
    {
        _inFlight[item.Id] = 0;
        try
        {
            return await processor.ProcessAsync(item, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // Could not record the outcome (database gone?): the lease is no longer renewed, so the item returns
            // to the queue when it expires and runs again; the annotation's unique index keeps that exactly-once.
            LogItemCrashed(item.Id, item.JobId, e.GetType().Name);
            return ItemOutcome.Released;
        }
        finally
        {
            _inFlight.TryRemove(item.Id, out _);
        }
    }

    private async Task<IReadOnlyList<ClaimedItem>> ClaimAsync(int wanted, CancellationToken stop)
    {
        try
        {
            return await queue.ClaimAsync(Owner, wanted, _options.Lease, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be restarting; items stay where they are and the next round tries again.
            LogClaimFailed(e.GetType().Name);
            return [];
        }
    }

    private async Task WaitAsync(List<Task<ItemOutcome>> running, int slots, DateTimeOffset waitUntil, CancellationToken stop)
    {
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        var now = time.GetUtcNow();
        if (waitUntil > now && waitUntil - now < poll)
        {
            poll = waitUntil - now;
        }

        Task[] wakers = running.Count >= slots ? [.. running] : [.. running, signal.WaitAsync(poll, stop)];
        await Task.WhenAny(wakers);
        stop.ThrowIfCancellationRequested();
    }

    private async Task RenewLoopAsync(CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(_options.LeaseSeconds / 3);
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await queue.RenewAsync(Owner, [.. _inFlight.Keys], _options.Lease, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {Owner} started with {Slots} concurrent items")]
    private partial void LogStarted(string owner, int slots);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} item {ItemId}: outcome not recorded ({Error}); it returns to the queue when its lease expires")]
    private partial void LogItemCrashed(long itemId, long jobId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming job items failed ({Error}); retrying")]
    private partial void LogClaimFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing job item leases failed ({Error})")]
    private partial void LogRenewFailed(string error);
}
