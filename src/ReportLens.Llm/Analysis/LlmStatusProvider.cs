using ReportLens.Llm.Health;

namespace ReportLens.Llm.Analysis;

/// <summary>Health's view of the LLM, from the probe (which caches its answer for a few seconds).</summary>
public sealed class LlmStatusProvider(ILlmHealthProbe probe) : ILlmStatusProvider
{
    public async Task<LlmStatus> GetStatusAsync(CancellationToken ct) => From(await probe.CheckAsync(ct));

    public async Task<LlmStatus> GetLatestStatusAsync(CancellationToken ct) => From(await probe.LatestAsync(ct));

    private static LlmStatus From(LlmHealthReport report) =>
        new(report.Reachable, report.ModelAvailable, report.Model, report.Models, report.Version, report.Error);
}
