using ReportLens.Llm;
using ReportLens.Llm.Concurrency;

namespace ReportLens.Llm.Tests;

public sealed class LlmSlotLimiterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Acquire_BeyondCapacity_QueuesInsteadOfFailing()
    {
        var limiter = new LlmSlotLimiter(2);
        var a = await limiter.AcquireAsync(LlmPriority.Batch, None);
        var b = await limiter.AcquireAsync(LlmPriority.Batch, None);

        var third = limiter.AcquireAsync(LlmPriority.Batch, None).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal((2, 1), (limiter.InUse, limiter.Queued));
        a.Dispose();
        (await third).Dispose();
        b.Dispose();
        Assert.Equal((0, 0), (limiter.InUse, limiter.Queued));
    }

    [Fact]
    public async Task Release_InteractiveQueuedAfterBatch_GetsTheSlotFirst()
    {
        var limiter = new LlmSlotLimiter(1);
        var held = await limiter.AcquireAsync(LlmPriority.Batch, None);
        var order = new List<string>();
        var batch = Track(limiter.AcquireAsync(LlmPriority.Batch, None), "batch", order);
        var interactive = Track(limiter.AcquireAsync(LlmPriority.Interactive, None), "interactive", order);

        held.Dispose();
        (await interactive).Dispose();
        (await batch).Dispose();

        Assert.Equal(["interactive", "batch"], order);
    }

    [Fact]
    public async Task Acquire_BatchWhileInteractiveWaits_DoesNotJumpTheQueue()
    {
        var limiter = new LlmSlotLimiter(1);
        var held = await limiter.AcquireAsync(LlmPriority.Interactive, None);
        var interactive = limiter.AcquireAsync(LlmPriority.Interactive, None).AsTask();
        held.Dispose();
        var lease = await interactive;

        var batch = limiter.AcquireAsync(LlmPriority.Batch, None).AsTask();

        Assert.False(batch.IsCompleted);
        lease.Dispose();
        (await batch).Dispose();
    }

    [Fact]
    public async Task Acquire_CancelledWhileQueued_LeavesTheQueueAndKeepsSlotsIntact()
    {
        var limiter = new LlmSlotLimiter(1);
        var held = await limiter.AcquireAsync(LlmPriority.Batch, None);
        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(LlmPriority.Batch, cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((1, 0), (limiter.InUse, limiter.Queued));
        held.Dispose();
        Assert.Equal(0, limiter.InUse);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var limiter = new LlmSlotLimiter(2);
        var a = await limiter.AcquireAsync(LlmPriority.Batch, None);
        _ = await limiter.AcquireAsync(LlmPriority.Batch, None);

        a.Dispose();
        a.Dispose();

        Assert.Equal(1, limiter.InUse);
    }

    private static async Task<IDisposable> Track(ValueTask<IDisposable> acquire, string name, List<string> order)
    {
        var lease = await acquire;
        lock (order)
        {
            order.Add(name);
        }

        return lease;
    }
}
