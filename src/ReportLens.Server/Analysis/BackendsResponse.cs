using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Llm;
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
