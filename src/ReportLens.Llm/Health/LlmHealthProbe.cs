using Microsoft.Extensions.Options;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Health;

/// <summary>Probes every endpoint (version and /api/tags) in parallel; refreshes their model lists as a side effect.</summary>
internal sealed class LlmHealthProbe(LlmBackendPool pool, IOptions<OllamaOptions> options, TimeProvider time) : ILlmHealthProbe
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly OllamaOptions _options = options.Value;
    private LlmHealthReport? _last;
    private int _refreshing;

    public async Task<LlmHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_last) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_last) is { } again)
            {
                return again;
            }

            var backends = await Task.WhenAll(pool.Backends.Select(b => ProbeAsync(b, cancellationToken))).ConfigureAwait(false);
            var reachable = backends.Where(b => b.Reachable).ToList();
            var models = reachable.SelectMany(b => b.Models).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var model = ModelNames.Normalize(_options.Model);
            _last = new LlmHealthReport(
                reachable.Count > 0,
                reachable.FirstOrDefault(b => b.Version is not null)?.Version,
                models,
                _options.Model,
                reachable.Any(b => b.Models.Contains(model, StringComparer.Ordinal)),
                backends,
                time.GetUtcNow());
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<LlmHealthReport> LatestAsync(CancellationToken cancellationToken)
    {
        if (_last is not { } last)
        {
            return CheckAsync(cancellationToken);
        }

        if (Fresh(last) is null && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshAsync();
        }

        return Task.FromResult(last);
    }

    private async Task RefreshAsync()
    {
        try
        {
            await CheckAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // ProbeAsync turns endpoint failures into the report; anything else leaves the last report standing.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private LlmHealthReport? Fresh(LlmHealthReport? report) =>
        report is not null && time.GetUtcNow() - report.CheckedAt < CacheFor ? report : null;

    private async Task<LlmBackendHealth> ProbeAsync(LlmBackend backend, CancellationToken cancellationToken)
    {
        // A health check must answer quickly even when a call would be allowed OLLAMA_TIMEOUT.
        using var timeout = new CancellationTokenSource(_options.ConnectTimeoutSpan + TimeSpan.FromSeconds(5), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await backend.ProbeAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = LlmErrors.Translate(e, backend, _options.Model, timeout: default, timedOut: timeout.IsCancellationRequested, callerCancelled: false);
            return new LlmBackendHealth(backend.Name, backend.Url.ToString(), backend.Kind, false, null, [], error?.Message ?? e.Message);
        }
    }
}
