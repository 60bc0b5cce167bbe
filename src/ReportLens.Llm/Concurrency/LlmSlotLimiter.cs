
namespace ReportLens.Llm.Concurrency;

/// <summary>
/// A backend's parallel slots. Callers beyond the capacity wait in one of two FIFO queues; a freed slot goes to
/// the oldest interactive waiter first, then to the oldest batch waiter. Nothing is ever rejected.
/// </summary>
public sealed class LlmSlotLimiter(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _interactive = new();
    private readonly LinkedList<TaskCompletionSource> _batch = new();
    private int _inUse;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int InUse
    {
        get { lock (_lock) { return _inUse; } }
    }

    public int Queued
    {
        get { lock (_lock) { return _interactive.Count + _batch.Count; } }
    }

    /// <summary>Interactive callers waiting for a slot.</summary>
    public int QueuedInteractive
    {
        get { lock (_lock) { return _interactive.Count; } }
    }

    /// <summary>In use plus queued, relative to capacity: how the pool compares endpoints.</summary>
    public double Load
    {
        get { lock (_lock) { return (double)(_inUse + _interactive.Count + _batch.Count) / Capacity; } }
    }

    /// <summary>Waits for a slot; dispose the lease to give it back.</summary>
    public async ValueTask<IDisposable> AcquireAsync(LlmPriority priority, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_inUse < Capacity && _interactive.Count == 0 && (_batch.Count == 0 || priority == LlmPriority.Interactive))
            {
                _inUse++;
                return new SlotLease(this);
            }

            var queue = priority == LlmPriority.Interactive ? _interactive : _batch;
            node = queue.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using (cancellationToken.Register(() => Cancel(node)))
        {
            await node.Value.Task.ConfigureAwait(false);
        }

        return new SlotLease(this);
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node)
    {
        lock (_lock)
        {
            // A waiter already granted a slot owns it; cancellation then comes too late and the caller releases it.
            if (node.List is null)
            {
                return;
            }

            node.List.Remove(node);
        }

        node.Value.TrySetCanceled();
    }

    private void Release()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            var queue = _interactive.Count > 0 ? _interactive : _batch.Count > 0 ? _batch : null;
            if (queue is null)
            {
                _inUse--;
            }
            else
            {
                next = queue.First!.Value;
                queue.RemoveFirst();
            }
        }

        next?.TrySetResult();
    }

    private sealed class SlotLease(LlmSlotLimiter owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
