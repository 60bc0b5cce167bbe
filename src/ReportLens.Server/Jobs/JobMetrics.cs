using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Jobs;

/// <summary>Feeds the reportlens_job_items gauge from the database at each scrape, every state included (zero when none).</summary>
public static class JobMetrics
{
    public static void WatchJobItems(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ReportLensMetrics>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>();
        metrics.AddCollectCallback(async ct =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var counts = await db.JobItems.GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.LongCount() })
                    .ToDictionaryAsync(g => g.State, g => g.Count, ct);
                metrics.SetJobItems(Enum.GetValues<JobItemState>().ToDictionary(s => s.WireName(), s => counts.GetValueOrDefault(s)));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The database is unreachable (or not migrated yet): the other metrics still get scraped.
            }
        });
    }
}
