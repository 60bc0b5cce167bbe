using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Analysis;

/// <summary>Health's view of the LLM, from the probe (which caches its answer for a few seconds).</summary>
public sealed class LlmStatusProvider(ILlmHealthProbe probe) : ILlmStatusProvider
{
    public async Task<LlmStatus> GetStatusAsync(CancellationToken ct) => From(await probe.CheckAsync(ct));

    public async Task<LlmStatus> GetLatestStatusAsync(CancellationToken ct) => From(await probe.LatestAsync(ct));

    private static LlmStatus From(LlmHealthReport report) =>
        new(report.Reachable, report.ModelAvailable, report.Model, report.Models, report.Version, report.Error);
}
