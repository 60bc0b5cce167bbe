using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Application.Outbox;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// The background service that escalates overdue cases and sends the outbox (webhooks, FHIR pushes), every poll or
/// when a case opens or results are staged.
/// </summary>
public sealed partial class CriticalFindingsWorker(CriticalCaseEscalation escalation, OutboxSender sender, CriticalCaseSignal signal,
    IOptions<CriticalFindingsOptions> options, TimeProvider time, ILogger<CriticalFindingsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await escalation.EscalateDueAsync(stoppingToken);
                // A full batch may leave more due: go again at once.
                while (await sender.DeliverDueAsync(stoppingToken) > 0)
                {
                }

                await signal.WaitAsync(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment (or not migrated yet): try again at the next poll.
                LogPassFailed(logger, e.GetType().Name);
                await Task.Delay(poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Critical findings pass failed ({Error}); retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
