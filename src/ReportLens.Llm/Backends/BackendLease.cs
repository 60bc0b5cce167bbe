
namespace ReportLens.Llm.Backends;

/// <summary>A slot held on a chosen endpoint; disposing gives the slot back, once however often it is disposed.</summary>
internal sealed class BackendLease(LlmBackend backend, IDisposable slot) : IDisposable
{
    private int _disposed;

    public LlmBackend Backend { get; } = backend;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            slot.Dispose();
        }
    }
}
