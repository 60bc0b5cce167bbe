using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Llm;
using ReportLens.Llm.Backends;

namespace ReportLens.Server.Analysis;

/// <summary>The LLM pool at a glance: every endpoint, the totals, this process's job concurrency and the result cache.</summary>
public sealed record BackendsResponse(
    IReadOnlyList<LlmBackendSnapshot> Backends,
    int TotalSlots,
    int SlotsInUse,
    int Queued,
    int HealthyBackends,
    int WorkerConcurrency,
    CacheStats Cache);
