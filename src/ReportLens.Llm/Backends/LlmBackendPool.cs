using Microsoft.Extensions.Options;

namespace ReportLens.Llm;

/// <summary>
/// The endpoints: every URL of OLLAMA_BASE_URL plus the configured OpenAI-compatible ones. A call goes to the
/// least-loaded endpoint that has the model (in use + queued, relative to its slots).
/// </summary>
public sealed class LlmBackendPool : IDisposable
{
    private readonly IReadOnlyList<LlmBackend> _backends;

    public LlmBackendPool(
        IHttpClientFactory httpClientFactory,
        IOptions<OllamaOptions> ollamaOptions,
        IOptions<LlmPoolOptions> poolOptions,
        TimeProvider time)
    {
        var ollama = ollamaOptions.Value;
        _backends =
        [
            .. ollama.BaseUrls.Select(url => (LlmBackend)new OllamaBackend(url, httpClientFactory.CreateClient(LlmHttpClients.Backend), ollama, time)),
            .. poolOptions.Value.OpenAiEndpoints.Select(e => new OpenAiBackend(e, httpClientFactory.CreateClient(LlmHttpClients.Backend), time)),
        ];
    }

    internal IReadOnlyList<LlmBackend> Backends => _backends;

    /// <summary>Waits for a slot on the best endpoint for <paramref name="model"/>.</summary>
    internal async Task<BackendLease> AcquireAsync(string model, LlmPriority priority, CancellationToken cancellationToken)
    {
        var candidates = _backends.Where(b => b.HasModel(model)).ToList();
        if (candidates.Count == 0)
        {
            throw new LlmModelNotFoundException(model, _backends.Count == 1 ? _backends[0].Name : null);
        }

        var backend = candidates.MinBy(b => b.Slots.Load)!;
        var slot = await backend.Slots.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        return new BackendLease(backend, slot);
    }

    public void Dispose()
    {
        foreach (var backend in _backends)
        {
            backend.Dispose();
        }
    }
}
