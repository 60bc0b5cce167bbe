using Microsoft.Extensions.Options;
using ReportLens.Llm;
using ReportLens.Llm.Backends;

namespace ReportLens.Jobs.Workers;

/// <summary>How many items a worker runs at once: Jobs:Concurrency, or the pool's total slots × Jobs:SlotMultiplier (not a fixed 3).</summary>
public sealed class WorkerCapacity(IOptions<JobOptions> jobs, LlmBackendPool pool)
{
    public int PoolSlots => pool.GetBackendsSnapshot().Sum(b => b.Slots);

    public int Value => jobs.Value.Concurrency ?? Math.Max(1, (int)Math.Ceiling(PoolSlots * jobs.Value.SlotMultiplier));
}
