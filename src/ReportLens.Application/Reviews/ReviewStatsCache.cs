using System.Collections.Concurrent;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;

namespace ReportLens.Application.Reviews;

/// <summary>
/// Acceptance statistics read by every report view and every few seconds by open system pages: computed at most
/// every 30 s per annotation type in this process, and afresh after a review made here. Reviews made on another
/// server process show within those 30 s.
/// </summary>
public sealed class ReviewStatsCache(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, ReviewStatsResponse Stats)> _entries = new(StringComparer.Ordinal);

    public async Task<ReviewStatsResponse> GetAsync(AnnotationType? annotationType, Func<Task<ReviewStatsResponse>> compute)
    {
        var key = annotationType?.WireName() ?? "";
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.At < MaxAge)
        {
            return entry.Stats;
        }

        var at = time.GetUtcNow();
        var stats = await compute();
        _entries[key] = (at, stats);
        return stats;
    }

    public void Invalidate() => _entries.Clear();
}
