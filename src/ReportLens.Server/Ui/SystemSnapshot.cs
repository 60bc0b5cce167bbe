using ReportLens.Jobs.Analysis;
using ReportLens.Llm;

namespace ReportLens.Server.Ui;

/// <summary>What the System page shows: database, engine, each LLM endpoint and the result cache.</summary>
public sealed record SystemSnapshot(bool DatabaseHealthy, EngineLabel Engine, IReadOnlyList<LlmBackendSnapshot> Backends, CacheStats Cache)
{
    public int SlotsInUse => Backends.Sum(b => b.InUse);
    public int Slots => Backends.Sum(b => b.Slots);
    public int Queued => Backends.Sum(b => b.Queued);
}
