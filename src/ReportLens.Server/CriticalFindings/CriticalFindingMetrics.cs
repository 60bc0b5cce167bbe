using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Prometheus;
using ReportLens.Application.CriticalFindings;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.CriticalFindings;

/// <summary>
/// reportlens_critical_time_to_close_seconds (a histogram by outcome: acknowledged or dismissed) and
/// reportlens_critical_cases (a gauge by state, read from the database at each scrape).
/// </summary>
public sealed class CriticalFindingMetrics : ICriticalCaseObserver
{
    private readonly Histogram _timeToClose;
    private readonly Gauge _cases;

    public CriticalFindingMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        _timeToClose = f.CreateHistogram("reportlens_critical_time_to_close_seconds",
            "Seconds from a critical-finding case opening to a person acknowledging or dismissing it.",
            new HistogramConfiguration
            {
                LabelNames = ["outcome"],
                // Critical results are to be communicated within minutes to an hour.
                Buckets = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400],
            });
        _cases = f.CreateGauge("reportlens_critical_cases", "Critical-finding cases by state.", "state");
    }

    public void Closed(string state, TimeSpan waited) => _timeToClose.WithLabels(state).Observe(Math.Max(0, waited.TotalSeconds));

    public void SetCases(IReadOnlyDictionary<string, long> counts)
    {
        foreach (var state in CriticalCaseState.All)
        {
            _cases.WithLabels(state).Set(counts.GetValueOrDefault(state));
        }
    }

    /// <summary>Feeds the gauge from the database at each scrape, every state included (zero when none).</summary>
    public static void WatchCases(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<CriticalFindingMetrics>();
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>();
        registry.AddBeforeCollectCallback(async ct =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                metrics.SetCases(await db.CriticalCases.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.LongCount() })
                    .ToDictionaryAsync(g => g.State, g => g.Count, ct));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The database is unreachable (or not migrated yet): the other metrics still get scraped.
            }
        });
    }
}
