
namespace ReportLens.Llm.Backends;

/// <summary>Recent latency and decode speed of one endpoint (the last <see cref="Window"/> successful calls).</summary>
internal sealed class BackendStats(TimeProvider time)
{
    public const int Window = 100;

    private readonly Lock _lock = new();
    private readonly Queue<(double Seconds, int? OutputTokens, long? EvalNs)> _calls = new();

    public DateTimeOffset? LastSuccess { get; private set; }

    public void Record(TimeSpan elapsed, LlmCallMetrics metrics)
    {
        lock (_lock)
        {
            _calls.Enqueue((elapsed.TotalSeconds, metrics.OutputTokens, metrics.EvalNs));
            if (_calls.Count > Window)
            {
                _calls.Dequeue();
            }

            LastSuccess = time.GetUtcNow();
        }
    }

    public double? LatencyP50Seconds
    {
        get
        {
            lock (_lock)
            {
                if (_calls.Count == 0)
                {
                    return null;
                }

                var sorted = _calls.Select(c => c.Seconds).Order().ToArray();
                return sorted[(sorted.Length - 1) / 2];
            }
        }
    }

    /// <summary>Output tokens per second of decoding (Ollama's eval_duration), or per second of wall time when the backend reports no timings.</summary>
    public double? TokensPerSecond
    {
        get
        {
            lock (_lock)
            {
                var tokens = 0L;
                var seconds = 0.0;
                foreach (var (elapsed, output, evalNs) in _calls)
                {
                    if (output is { } t)
                    {
                        tokens += t;
                        seconds += evalNs is { } ns && ns > 0 ? ns / 1e9 : elapsed;
                    }
                }

                return seconds > 0 ? tokens / seconds : null;
            }
        }
    }
}
