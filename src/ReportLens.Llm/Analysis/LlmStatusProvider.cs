namespace ReportLens.Llm.Analysis;

/// <summary>Health's view of the LLM, from the probe (which caches its answer for a few seconds).</summary>
public sealed class LlmStatusProvider(ILlmHealthProbe probe) : ILlmStatusProvider
{
    public async Task<LlmStatus> GetStatusAsync(CancellationToken ct)
    {
        var report = await probe.CheckAsync(ct);
        return new LlmStatus(report.Reachable, report.ModelAvailable, report.Model, report.Models, report.Version, report.Error);
    }
}
