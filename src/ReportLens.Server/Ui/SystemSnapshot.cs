using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Llm;
using ReportLens.Llm.Backends;

namespace ReportLens.Server.Ui;

/// <summary>What the System page shows: database, engine, each LLM endpoint, the result cache and the batch queue.</summary>
public sealed record SystemSnapshot(bool DatabaseHealthy, EngineLabel Engine, IReadOnlyList<LlmBackendSnapshot> Backends, CacheStats Cache, int JobItemsWaiting)
{
    public int SlotsInUse => Backends.Sum(b => b.InUse);
    public int Slots => Backends.Sum(b => b.Slots);
    public int Queued => Backends.Sum(b => b.Queued);
}
