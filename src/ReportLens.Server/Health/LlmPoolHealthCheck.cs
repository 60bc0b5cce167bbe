using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportLens.Llm;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Health;

namespace ReportLens.Server.Health;

/// <summary>
/// The LLM backend pool as a health check: healthy when every endpoint answers and one has the model, degraded when
/// some endpoint is out (no answer to the last probe, or its circuit open) or the model is missing, unhealthy when
/// none answers (analyses then run on the rules engine). Not a readiness check: the server serves without an LLM.
/// </summary>
public sealed class LlmPoolHealthCheck(ILlmHealthProbe probe, LlmBackendPool pool) : IHealthCheck
{
    public const string Name = "llm";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await probe.LatestAsync(cancellationToken);
        var open = pool.GetBackendsSnapshot().Where(b => b.State == LlmBackendState.Open).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var total = report.Backends.Count;
        var outOfPool = report.Backends.Count(b => !b.Reachable || open.Contains(b.Name));
        var data = new Dictionary<string, object> { ["backends"] = total, ["out"] = outOfPool, ["model"] = report.Model };
        if (total == 0 || outOfPool == total)
        {
            return HealthCheckResult.Unhealthy($"no LLM backend answers ({outOfPool} of {total} out): analyses run on the rules engine", data: data);
        }

        if (outOfPool > 0)
        {
            return HealthCheckResult.Degraded($"{outOfPool} of {total} LLM backends out", data: data);
        }

        return report.ModelAvailable
            ? HealthCheckResult.Healthy($"{total} LLM backend(s) answer", data)
            : HealthCheckResult.Degraded($"model '{report.Model}' is on no backend", data: data);
    }
}
