using System.Collections.Concurrent;

namespace ReportLens.OllamaEmulator;

/// <summary>Live counters of one emulator; thread-safe. Use <see cref="Snapshot"/> for a consistent copy.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, long> _perModel = new(StringComparer.Ordinal);
    private long _requests;
    private long _completed;
    private long _failed;
    private long _busyRejections;
    private long _faultsInjected;
    private long _promptTokens;
    private long _evalTokens;
    private int _inFlight;
    private int _maxConcurrent;
    private int _queued;

    /// <summary>Inference requests received (/api/chat and /api/generate).</summary>
    public long Requests => Interlocked.Read(ref _requests);
    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);
    public long BusyRejections => Interlocked.Read(ref _busyRejections);
    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
    public long PromptTokens => Interlocked.Read(ref _promptTokens);
    public long EvalTokens => Interlocked.Read(ref _evalTokens);
    public int InFlight => Volatile.Read(ref _inFlight);
    public int Queued => Volatile.Read(ref _queued);
    /// <summary>Highest number of requests observed holding a slot at the same time.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);
    public IReadOnlyDictionary<string, long> RequestsPerModel => new Dictionary<string, long>(_perModel, StringComparer.Ordinal);

    public EmulatorStatsSnapshot Snapshot() => new()
    {
        Requests = Requests,
        Completed = Completed,
        Failed = Failed,
        BusyRejections = BusyRejections,
        FaultsInjected = FaultsInjected,
        PromptTokens = PromptTokens,
        EvalTokens = EvalTokens,
        InFlight = InFlight,
        Queued = Queued,
        MaxConcurrent = MaxConcurrent,
        RequestsPerModel = RequestsPerModel,
    };

    internal void RequestReceived(string model)
    {
        Interlocked.Increment(ref _requests);
        _perModel.AddOrUpdate(model, 1, (_, n) => n + 1);
    }

    internal void RequestCompleted(int promptTokens, int evalTokens)
    {
        Interlocked.Increment(ref _completed);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _evalTokens, evalTokens);
    }

    internal void RequestFailed() => Interlocked.Increment(ref _failed);

    internal void BusyRejected() => Interlocked.Increment(ref _busyRejections);

    internal void FaultInjected() => Interlocked.Increment(ref _faultsInjected);

    internal void QueueEntered() => Interlocked.Increment(ref _queued);

    internal void QueueLeft() => Interlocked.Decrement(ref _queued);

    internal void SlotEntered()
    {
        var now = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxConcurrent);
        while (now > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxConcurrent, now, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
    }

    internal void SlotLeft() => Interlocked.Decrement(ref _inFlight);
}
