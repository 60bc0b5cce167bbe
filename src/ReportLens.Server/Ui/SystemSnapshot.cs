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

namespace ReportLens.Server.Ui;

/// <summary>What the System page shows: database, engine, each LLM endpoint, the result cache and the batch queue.</summary>
public sealed record SystemSnapshot(bool DatabaseHealthy, EngineLabel Engine, IReadOnlyList<LlmBackendSnapshot> Backends, CacheStats Cache, int JobItemsWaiting)
{
    public int SlotsInUse => Backends.Sum(b => b.InUse);
    public int Slots => Backends.Sum(b => b.Slots);
    public int Queued => Backends.Sum(b => b.Queued);
}
