using Microsoft.Extensions.Options;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Backends;

/// <summary>
/// The endpoints: every URL of OLLAMA_BASE_URL plus the configured OpenAI-compatible ones, each with its own
/// slots, circuit breaker and model list. A call goes to the least-loaded endpoint (in use + queued, relative
/// to its slots) that is in the pool and has the model.
/// </summary>
public sealed class LlmBackendPool : IDisposable
{
    private static readonly TimeSpan ModelListMinAge = TimeSpan.FromSeconds(2);
    private readonly IReadOnlyList<LlmBackend> _backends;
    private readonly TimeSpan _modelRefresh;
    private readonly TimeSpan _probeTimeout;
    private readonly TimeProvider _time;
    private readonly TimeSpan _queueTimeout;
    private readonly int _maxQueued;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _chooseLock = new();
    private long _choices;

    public LlmBackendPool(
        IHttpClientFactory httpClientFactory,
        IOptions<OllamaOptions> ollamaOptions,
        IOptions<LlmPoolOptions> poolOptions,
        TimeProvider time)
    {
        var ollama = ollamaOptions.Value;
        var pool = poolOptions.Value;
        _time = time;
        _queueTimeout = ollama.QueueTimeoutSpan;
        _maxQueued = ollama.MaxQueued;
        _modelRefresh = TimeSpan.FromSeconds(pool.ModelRefreshSeconds);
        _probeTimeout = ollama.ConnectTimeoutSpan + TimeSpan.FromSeconds(5);
        BackendBreaker Breaker() => new(pool, ollama.RequestTimeout, time);
        HttpClient Http() => httpClientFactory.CreateClient(LlmHttpClients.Backend);
        _backends =
        [
            .. ollama.BaseUrls.Distinct().Select(url => (LlmBackend)new OllamaBackend(url, Http(), ollama, Breaker(), time)),
            .. pool.OpenAiEndpoints.Select(e => new OpenAiBackend(e, Http(), Breaker(), time)),
        ];
    }

    internal IReadOnlyList<LlmBackend> Backends => _backends;

    /// <summary>What the first endpoint that knows the model says about it (cached per endpoint); unknown when none can say.</summary>
    internal async Task<ModelFacts> GetModelFactsAsync(string model, CancellationToken cancellationToken)
    {
        foreach (var backend in _backends.Where(b => b.HasModel(model) && b.Breaker.State != LlmBackendState.Open))
        {
            var facts = await backend.GetModelFactsAsync(model, cancellationToken).ConfigureAwait(false);
            if (facts != ModelFacts.Unknown)
            {
                return facts;
            }
        }

        return ModelFacts.Unknown;
    }

    /// <summary>Every endpoint's state, load, models and recent performance.</summary>
    public IReadOnlyList<LlmBackendSnapshot> GetBackendsSnapshot() =>
    [
        .. _backends.Select(b => new LlmBackendSnapshot(
            b.Name,
            b.Url.ToString(),
            b.Kind,
            b.Breaker.State,
            b.Slots.Capacity,
            b.Slots.InUse,
            b.Slots.Queued,
            b.Models?.Order(StringComparer.Ordinal).ToList() ?? [],
            b.Stats.LatencyP50Seconds * 1000,
            b.Stats.TokensPerSecond,
            b.Breaker.State == LlmBackendState.Healthy ? null : b.Breaker.OpenUntil,
            b.ModelsRefreshedAt,
            b.Stats.LastSuccess,
            b.LastError,
            b.Deidentify)),
    ];

    /// <summary>
    /// Waits for a slot on the best endpoint for <paramref name="model"/>, skipping <paramref name="exclude"/>.
    /// Throws <see cref="LlmUnavailableException"/> at once when every endpoint with the model is out of the pool.
    /// </summary>
    internal async Task<BackendLease> AcquireAsync(
        string model, LlmPriority priority, IReadOnlyCollection<LlmBackend> exclude, CancellationToken cancellationToken)
    {
        var withModel = _backends.Where(b => b.HasModel(model)).ToList();
        if (withModel.Count == 0)
        {
            // The model may have been pulled since the lists were read.
            await RefreshModelsAsync(ModelListMinAge, cancellationToken).ConfigureAwait(false);
            withModel = [.. _backends.Where(b => b.HasModel(model))];
            if (withModel.Count == 0)
            {
                throw new LlmModelNotFoundException(model, _backends.Count == 1 ? _backends[0].Name : null);
            }
        }

        var candidates = withModel.Where(b => b.Breaker.State != LlmBackendState.Open && !exclude.Contains(b)).ToList();
        if (candidates.Count == 0)
        {
            throw AllDown(withModel);
        }

        LlmBackend backend;
        lock (_chooseLock)
        {
            // Healthy endpoints before one that is due for its probe call; then the least loaded; then round-robin.
            backend = candidates.MinBy(b => (b.Breaker.State == LlmBackendState.Healthy ? 0 : 1, b.Slots.Load, b.LastChosen))!;
            backend.LastChosen = ++_choices;
        }

        var slot = priority == LlmPriority.Interactive
            ? await AcquireInteractiveAsync(backend, cancellationToken).ConfigureAwait(false)
            : await backend.Slots.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        return new BackendLease(backend, slot);
    }

    // A user waits at most Ollama:QueueTimeout behind at most Ollama:MaxQueued others; past that the call is refused
    // as busy (503 with Retry-After) instead of holding the request for minutes.
    private async Task<IDisposable> AcquireInteractiveAsync(LlmBackend backend, CancellationToken cancellationToken)
    {
        if (backend.Slots.InUse >= backend.Slots.Capacity && backend.Slots.QueuedInteractive >= _maxQueued)
        {
            throw LlmQueueFullException.For(backend.Name, _queueTimeout, full: true);
        }

        using var timeout = new CancellationTokenSource(_queueTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await backend.Slots.AcquireAsync(LlmPriority.Interactive, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw LlmQueueFullException.For(backend.Name, _queueTimeout, full: false);
        }
    }

    /// <summary>
    /// The monitor's tick: probes endpoints whose break is over (bringing them back or keeping them out) and
    /// refreshes Ollama model lists older than Llm:ModelRefreshSeconds.
    /// </summary>
    internal Task RefreshAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_backends
            .Where(b => b.Breaker.State == LlmBackendState.HalfOpen || (b.Kind == LlmBackendKind.Ollama && IsStale(b, _modelRefresh)))
            .Select(b => ProbeThroughBreakerAsync(b, cancellationToken)));

    private async Task RefreshModelsAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_backends
                .Where(b => b.Kind == LlmBackendKind.Ollama && b.Breaker.State != LlmBackendState.Open && IsStale(b, olderThan))
                .Select(b => ProbeThroughBreakerAsync(b, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool IsStale(LlmBackend backend, TimeSpan maxAge) =>
        backend.ModelsRefreshedAt is not { } at || _time.GetUtcNow() - at >= maxAge;

    private async Task ProbeThroughBreakerAsync(LlmBackend backend, CancellationToken cancellationToken)
    {
        try
        {
            await backend.Breaker.ExecuteAsync(backend, async ct =>
            {
                using var timeout = new CancellationTokenSource(_probeTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                try
                {
                    return await backend.ProbeAsync(linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // A probe that fails in an unforeseen way (a proxy's HTML instead of JSON) still counts against the endpoint.
                    var mapped = LlmErrors.Translate(e, backend, "", _probeTimeout, timeout.IsCancellationRequested, callerCancelled: false)
                        ?? new LlmBackendException(null, e.Message, backend.Name, e);
                    backend.RecordFailure(mapped);
                    throw mapped;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (LlmException)
        {
            // Recorded on the endpoint and counted by its breaker; the probe's job is done.
        }
    }

    private LlmUnavailableException AllDown(IReadOnlyList<LlmBackend> backends)
    {
        var now = _time.GetUtcNow();
        var next = backends.Select(b => b.Breaker.OpenUntil).OfType<DateTimeOffset>().DefaultIfEmpty(now).Min();
        return new LlmUnavailableException(
            $"All {backends.Count} LLM endpoint(s) are out of the pool after repeated failures ({string.Join(", ", backends.Select(b => b.Name))}). " +
            "They are probed back in automatically; check that Ollama runs there (`ollama serve` or `docker compose up -d ollama`).",
            backends.Count == 1 ? backends[0].Name : null)
        {
            RetryAfter = next > now ? next - now : TimeSpan.Zero,
        };
    }

    public void Dispose()
    {
        foreach (var backend in _backends)
        {
            backend.Dispose();
        }

        _refreshGate.Dispose();
    }
}
