namespace ReportLens.OllamaEmulator.Scheduling;

/// <summary>N parallel slots with a bounded FIFO queue in front, like Ollama's scheduler per model runner.</summary>
internal sealed class SlotScheduler(int parallel, int maxQueue, EmulatorStats stats) : IDisposable
{
    // SemaphoreSlim releases its async waiters in arrival order, which gives the FIFO queue.
    private readonly SemaphoreSlim _slots = new(parallel, parallel);
    private int _waiting;

    /// <summary>A slot lease, or null when the queue is full (the caller answers 503).</summary>
    public async Task<IDisposable?> AcquireAsync(CancellationToken ct)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Increment(ref _waiting) > maxQueue)
            {
                Interlocked.Decrement(ref _waiting);
                return null;
            }
            stats.QueueEntered();
            try
            {
                await _slots.WaitAsync(ct);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
                stats.QueueLeft();
            }
        }
        stats.SlotEntered();
        return new Lease(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Release()
    {
        stats.SlotLeft();
        _slots.Release();
    }

    private sealed class Lease(SlotScheduler owner) : IDisposable
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
