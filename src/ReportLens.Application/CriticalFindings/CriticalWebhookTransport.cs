using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using ReportLens.Application.Outbox;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Critical-finding webhooks out of the outbox: POST of the stored body, signed (<see cref="WebhookSignature"/>), with
/// the event and the delivery id (the same on every retry, so a receiver can drop repeats); retried per CRITICAL_WEBHOOK_*.
/// </summary>
public sealed class CriticalWebhookTransport(IHttpClientFactory clients, IOptions<CriticalFindingsOptions> options) : IOutboxTransport
{
    public const string ClientName = "critical-webhooks";

    public string Kind => "webhook";

    public int MaxAttempts => options.Value.MaxAttempts;

    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public bool Handles(WebhookDelivery delivery) => delivery.Event is WebhookEvents.Opened or WebhookEvents.Escalated;

    public TimeSpan RetryDelay(int attempt) => options.Value.RetryDelay(attempt);

    public async Task<OutboxAttempt> SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(options.Value.WebhookSecret ?? "", body));
        request.Headers.Add("X-ReportLens-Event", delivery.Event);
        request.Headers.Add("X-ReportLens-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        return new OutboxAttempt((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase, response.IsSuccessStatusCode);
    }
}
