using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Sends due outbox deliveries: POST of the stored body, signed (<see cref="WebhookSignature"/>); every attempt is
/// recorded; a failure retries with exponential backoff until CRITICAL_WEBHOOK_MAX_ATTEMPTS, then the delivery is
/// failed. At least once: a receiver tells repeats apart by X-ReportLens-Delivery.
/// </summary>
public sealed partial class WebhookSender(IDbContextFactory<ReportLensDbContext> databases, IHttpClientFactory clients,
    IOptions<CriticalFindingsOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string ClientName = "critical-webhooks";
    private const int Batch = 20;

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
            if (await ClaimAsync(db, delivery, now, ct))
            {
                await AttemptAsync(db, delivery, ct);
                attempted++;
            }
        }

        return attempted;
    }

    // Pushing the due time past the call's timeout claims the delivery: another process's pass skips it meanwhile.
    private async Task<bool> ClaimAsync(ReportLensDbContext db, WebhookDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 2);
        var seen = delivery.NextAttemptAt;
        return await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until), ct) == 1;
    }

    private async Task AttemptAsync(ReportLensDbContext db, WebhookDelivery delivery, CancellationToken ct)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        var at = time.GetUtcNow();
        var (status, error) = await PostAsync(delivery, settings, ct);
        var attempts = delivery.Attempts + 1;
        var delivered = status is >= 200 and < 300;
        var now = time.GetUtcNow();
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            At = at,
            StatusCode = status,
            Error = error,
            DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
        });
        await db.SaveChangesAsync(ct);
        var state = delivered ? WebhookDeliveryState.Delivered
            : attempts >= settings.MaxAttempts ? WebhookDeliveryState.Failed
            : WebhookDeliveryState.Pending;
        var next = delivered ? now : now + settings.RetryDelay(attempts);
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.DeliveredAt, delivered ? now : null), ct);
        if (!delivered)
        {
            LogFailed(logger, delivery.Id, delivery.CaseId, attempts, status, state);
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookDelivery delivery, CriticalFindingsOptions settings, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(settings.WebhookSecret ?? "", body));
        request.Headers.Add("X-ReportLens-Event", delivery.Event);
        request.Headers.Add("X-ReportLens-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Connection refused, DNS, TLS or timeout: no status code, a short reason (never the body).
            return (null, e is OperationCanceledException ? "timeout" : Truncate(e.Message));
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} for critical case {CaseId} failed (attempt {Attempt}, status {Status}); now {State}")]
    private static partial void LogFailed(ILogger logger, long deliveryId, long caseId, int attempt, int? status, string state);
}
