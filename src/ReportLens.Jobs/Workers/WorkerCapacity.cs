using Microsoft.Extensions.Options;
using ReportLens.Llm;

namespace ReportLens.Jobs.Workers;

/// <summary>How many items a worker runs at once: Jobs:Concurrency, or the pool's total slots.</summary>
public sealed class WorkerCapacity(IOptions<JobOptions> jobs, IOptions<OllamaOptions> ollama, IOptions<LlmPoolOptions> pool)
{
    public int PoolSlots =>
        (ollama.Value.BaseUrls.Count * ollama.Value.SlotsPerEndpoint) + pool.Value.OpenAiEndpoints.Sum(e => e.Slots);

    public int Value => jobs.Value.Concurrency ?? Math.Max(1, PoolSlots);
}
