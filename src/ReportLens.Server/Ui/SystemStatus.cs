using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Llm;
using ReportLens.Llm.Analysis;
using ReportLens.Llm.Backends;

namespace ReportLens.Server.Ui;

/// <summary>What the UI says about the engines and the system, from the same sources as GET /api/v1/health.</summary>
public sealed class SystemStatus(
    ILlmStatusProvider llm, IReportAnalyzer analyzer, HealthCheckService checks, LlmBackendPool pool, ResultCache cache,
    IDbContextFactory<ReportLensDbContext> factory)
{
    public async Task<EngineLabel> EngineAsync(CancellationToken ct)
    {
        var engine = await analyzer.DefaultEngineAsync(ct);
        var status = await llm.GetStatusAsync(ct);
        return new EngineLabel(engine == EngineKind.Rules ? "rules" : "hybrid", status.Model, status.Reachable, status.ModelPresent, status.Models);
    }

    public async Task<SystemSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
        var healthy = report.Status == HealthStatus.Healthy;
        var waiting = 0;
        if (healthy)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            waiting = await db.JobItems.CountAsync(i => i.State == JobItemState.Pending || i.State == JobItemState.Running, ct);
        }

        return new SystemSnapshot(healthy, await EngineAsync(ct), pool.GetBackendsSnapshot(), await cache.StatsAsync(ct), waiting);
    }
}
