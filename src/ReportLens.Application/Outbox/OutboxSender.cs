using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Outbox;

/// <summary>
/// Sends due outbox deliveries (<c>webhook_deliveries</c>) through the transport that handles each: every attempt is
/// recorded; a failure retries with the transport's exponential backoff until its attempts run out, then the delivery
/// is failed. At least once; several processes share the outbox without sending one delivery twice at a time. A
/// delivery of a report's results (FHIR, HL7) is audited as an export when it is delivered or given up.
/// </summary>
public sealed partial class OutboxSender(IDbContextFactory<ReportLensDbContext> databases, IEnumerable<IOutboxTransport> transports,
    IEnumerable<IOutboxObserver> observers, TimeProvider time, ILogger<OutboxSender> logger)
{
    private const int Batch = 20;
    private static readonly Actor Sender = new(null, "system:outbox", "system", Door.Job, null);

    /// <summary>One pass over the deliveries due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
        var attempted = 0;
        foreach (var delivery in due)
        {
            var transport = transports.FirstOrDefault(t => t.Handles(delivery));
            if (transport is null)
            {
                // Written by a newer version, or its way out was switched off: left pending for a process that knows it.
                continue;
            }

            if (await ClaimAsync(db, delivery, transport, now, ct))
            {
                await AttemptAsync(db, delivery, transport, ct);
                attempted++;
            }
        }

        return attempted;
    }

    // Pushing the due time past the call's timeout claims the delivery: another process's pass skips it meanwhile.
    private static async Task<bool> ClaimAsync(ReportLensDbContext db, WebhookDelivery delivery, IOutboxTransport transport, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + transport.Timeout * 2;
        var seen = delivery.NextAttemptAt;
        return await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until), ct) == 1;
    }

    private async Task AttemptAsync(ReportLensDbContext db, WebhookDelivery delivery, IOutboxTransport transport, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var at = time.GetUtcNow();
        var result = await SendAsync(delivery, transport, ct);
        var attempts = delivery.Attempts + 1;
        var now = time.GetUtcNow();
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            At = at,
            StatusCode = result.Status,
            Error = result.Error is { Length: > 200 } error ? error[..200] : result.Error,
            DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
        });
        var state = result.Delivered ? WebhookDeliveryState.Delivered
            : result.Permanent || attempts >= transport.MaxAttempts ? WebhookDeliveryState.Failed
            : WebhookDeliveryState.Pending;
        if (delivery.ReportId is { } reportId && state != WebhookDeliveryState.Pending)
        {
            AuditEntries.Stage(db, Sender, AuditActions.Export, reportId, $"{transport.Kind} push to {Host(delivery.Url)}: {state}", now);
        }

        await db.SaveChangesAsync(ct);
        var next = result.Delivered ? now : now + transport.RetryDelay(attempts);
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.DeliveredAt, result.Delivered ? now : null), ct);
        foreach (var observer in observers)
        {
            observer.Attempted(transport.Kind, state == WebhookDeliveryState.Pending ? "retry" : state);
        }

        if (!result.Delivered)
        {
            LogFailed(logger, transport.Kind, delivery.Id, attempts, result.Status, state);
        }
    }

    private static async Task<OutboxAttempt> SendAsync(WebhookDelivery delivery, IOutboxTransport transport, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(transport.Timeout);
        try
        {
            return await transport.SendAsync(delivery, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Connection refused, DNS, TLS or timeout: no status, a short reason (never a body or report text).
            return new OutboxAttempt(null, e is OperationCanceledException ? "timeout" : e.Message, false);
        }
    }

    /// <summary>The receiver's host and port: the audit names where results went, not a URL's path or query.</summary>
    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Kind} delivery {DeliveryId} failed (attempt {Attempt}, status {Status}); now {State}")]
    private static partial void LogFailed(ILogger logger, string kind, long deliveryId, int attempt, int? status, string state);
}
