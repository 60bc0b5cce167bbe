using ReportLens.Llm.Annotation;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Backends;

/// <summary>A slot held on a chosen endpoint; disposing gives the slot back.</summary>
internal sealed class BackendLease(LlmBackend backend, IDisposable slot) : IDisposable
{
    public LlmBackend Backend { get; } = backend;

    public void Dispose() => slot.Dispose();
}
