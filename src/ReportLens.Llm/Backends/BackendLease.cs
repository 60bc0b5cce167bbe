
namespace ReportLens.Llm.Backends;

/// <summary>A slot held on a chosen endpoint; disposing gives the slot back.</summary>
internal sealed class BackendLease(LlmBackend backend, IDisposable slot) : IDisposable
{
    public LlmBackend Backend { get; } = backend;

    public void Dispose() => slot.Dispose();
}
