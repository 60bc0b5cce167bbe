using Polly;
using Polly.CircuitBreaker;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Backends;

/// <summary>
/// One endpoint's circuit breaker (Polly): when at least <see cref="LlmPoolOptions.BreakerFailureThreshold"/> calls
/// ran in the sampling window and <see cref="LlmPoolOptions.BreakerFailureRatio"/> of them failed, the endpoint
/// leaves the pool for the break duration; then a single call (a real one or the monitor's probe) decides whether
/// it comes back.
/// Only failures that say the endpoint is down count: unreachable, timeout, 5xx — not a busy 503, a missing model
/// or a reply that breaks the schema.
/// </summary>
internal sealed class BackendBreaker
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly TimeProvider _time;
    private long _openUntilTicks;

    public BackendBreaker(LlmPoolOptions pool, TimeSpan callTimeout, TimeProvider time)
    {
        _time = time;
        var threshold = Math.Max(2, pool.BreakerFailureThreshold);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = pool.BreakerFailureRatio,
                MinimumThroughput = threshold,
                // Long enough that a run of slow timeouts still adds up to the threshold.
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, callTimeout.TotalSeconds * threshold + 5)),
                BreakDuration = TimeSpan.FromSeconds(pool.BreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is LlmException e && CountsAgainstEndpoint(e)),
                StateProvider = _state,
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref _openUntilTicks, (_time.GetUtcNow() + args.BreakDuration).UtcTicks);
                    return default;
                },
            })
            .Build();
    }

    public LlmBackendState State => _state.CircuitState switch
    {
        CircuitState.Closed => LlmBackendState.Healthy,
        CircuitState.HalfOpen => LlmBackendState.HalfOpen,
        // Polly leaves Open only when the next call arrives; once the break is over that call is the probe.
        _ => _time.GetUtcNow() >= OpenUntil ? LlmBackendState.HalfOpen : LlmBackendState.Open,
    };

    public DateTimeOffset? OpenUntil =>
        _state.CircuitState == CircuitState.Closed ? null : new DateTimeOffset(Interlocked.Read(ref _openUntilTicks), TimeSpan.Zero);

    public async Task<T> ExecuteAsync<T>(LlmBackend backend, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new LlmUnavailableException(
                $"The LLM endpoint {backend.Name} is out of the pool after repeated failures" +
                (OpenUntil is { } until ? $" until {until:HH:mm:ss} UTC" : "") + "; it is probed back in automatically.",
                backend.Name,
                e)
            {
                RetryAfter = OpenUntil is { } u && u > _time.GetUtcNow() ? u - _time.GetUtcNow() : null,
            };
        }
    }

    private static bool CountsAgainstEndpoint(LlmException error) => error switch
    {
        LlmUnavailableException or LlmTimeoutException => true,
        LlmBackendException backend => backend.IsTransient,
        _ => false,
    };
}
