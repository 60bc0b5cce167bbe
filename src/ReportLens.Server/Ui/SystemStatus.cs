using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportLens.Core.Annotations;
using ReportLens.Jobs.Analysis;
using ReportLens.Llm;
using ReportLens.Llm.Analysis;

namespace ReportLens.Server.Ui;

/// <summary>What the UI says about the engines and the system, from the same sources as GET /api/v1/health.</summary>
public sealed class SystemStatus(ILlmStatusProvider llm, IReportAnalyzer analyzer, HealthCheckService checks, LlmBackendPool pool, ResultCache cache)
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
        return new SystemSnapshot(report.Status == HealthStatus.Healthy, await EngineAsync(ct), pool.GetBackendsSnapshot(), await cache.StatsAsync(ct));
    }
}
