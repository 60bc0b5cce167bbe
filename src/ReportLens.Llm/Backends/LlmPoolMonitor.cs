using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportLens.Llm.Backends;

/// <summary>Every second: probes endpoints whose circuit break is over and refreshes stale Ollama model lists.</summary>
internal sealed partial class LlmPoolMonitor(LlmBackendPool pool, TimeProvider time, ILogger<LlmPoolMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var states = pool.Backends.ToDictionary(b => b, b => b.Breaker.State);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await pool.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // One bad tick must not stop the host (BackgroundService failures do by default).
                LogTickFailed(e);
            }

            foreach (var backend in pool.Backends)
            {
                var state = backend.Breaker.State;
                var was = states[backend];
                if (state == was)
                {
                    continue;
                }

                // An endpoint that stays down cycles Open -> HalfOpen (a probe) -> Open: the operator hears once
                // that it went out and once that it came back, not every probe.
                if (was == LlmBackendState.Healthy)
                {
                    LogUnreachable(backend.Name);
                }
                else if (state == LlmBackendState.Healthy)
                {
                    LogReachable(backend.Name);
                }
                else
                {
                    LogProbe(backend.Name, was, state);
                }

                states[backend] = state;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LLM pool monitor tick failed")]
    private partial void LogTickFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint {Backend} unreachable after repeated failures: out of the pool and probed until it answers; analyses use the other endpoints or answer 503, jobs wait")]
    private partial void LogUnreachable(string backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM endpoint {Backend} reachable again: back in the pool")]
    private partial void LogReachable(string backend);

    [LoggerMessage(Level = LogLevel.Debug, Message = "LLM endpoint {Backend} still out of the pool: {From} -> {To}")]
    private partial void LogProbe(string backend, LlmBackendState from, LlmBackendState to);
}
