using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.CriticalFindings;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Observability;

namespace ReportLens.Server.CriticalFindings;

/// <summary>
/// Feeds reportlens_critical_time_to_close_seconds from every closed case, and reportlens_critical_cases from the
/// database at each scrape, every state included (zero when none).
/// </summary>
public sealed class CriticalFindingMetrics(ReportLensMetrics metrics) : ICriticalCaseObserver
{
    public void Closed(string state, TimeSpan waited) => metrics.RecordCriticalClosed(state, waited);

    public static void WatchCases(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ReportLensMetrics>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>();
        metrics.AddCollectCallback(async ct =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var counts = await db.CriticalCases.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.LongCount() })
                    .ToDictionaryAsync(g => g.State, g => g.Count, ct);
                metrics.SetCriticalCases(CriticalCaseState.All.ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The database is unreachable (or not migrated yet): the other metrics still get scraped.
            }
        });
    }
}
