using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportLens.Application.Caching;

/// <summary>Writes the result cache's hit counters every few seconds and at shutdown.</summary>
public sealed partial class CacheHitFlusher(ResultCache cache, TimeProvider time, ILogger<CacheHitFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await cache.FlushHitsAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Hit counters are statistics: losing a few to a database hiccup is not worth failing over.
            LogFlushFailed(e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing result cache hit counters failed ({Error})")]
    private partial void LogFlushFailed(string error);
}
