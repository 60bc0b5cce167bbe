using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportLens.Llm;

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
                if (state != states[backend])
                {
                    LogStateChange(backend.Name, states[backend], state);
                    states[backend] = state;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LLM pool monitor tick failed")]
    private partial void LogTickFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint {Backend}: {From} -> {To}")]
    private partial void LogStateChange(string backend, LlmBackendState from, LlmBackendState to);
}
