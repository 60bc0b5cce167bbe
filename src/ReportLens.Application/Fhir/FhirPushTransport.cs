using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportLens.Application.Outbox;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Pushes a report's results to the FHIR server: the bundle of <see cref="ReportFhirExport"/> as it stands at sending
/// time, as a transaction (<see cref="FhirTransaction"/>) POSTed to the server's base URL; any 2xx is delivered.
/// </summary>
public sealed class FhirPushTransport(IHttpClientFactory clients, ReportFhirExport export, IOptions<FhirPushOptions> options) : IOutboxTransport
{
    public const string Event = "fhir.push";
    public const string ClientName = "fhir-push";
    private static readonly MediaTypeHeaderValue FhirJsonType = new("application/fhir+json") { CharSet = "utf-8" };

    public string Kind => "fhir";

    public int MaxAttempts => options.Value.MaxAttempts;

    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public bool Handles(WebhookDelivery delivery) => delivery.Event == Event;

    public TimeSpan RetryDelay(int attempt) => options.Value.RetryDelay(attempt);

    public async Task<OutboxAttempt> SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        if (delivery.ReportId is not { } reportId || await export.BundleAsync(reportId, ct) is not { } bundle)
        {
            return OutboxAttempt.Gone("report deleted");
        }

        var server = new Uri(delivery.Url);
        var body = JsonSerializer.SerializeToUtf8Bytes(FhirTransaction.From(bundle, reportId, server), FhirJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, server) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = FhirJsonType;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (options.Value.Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        return new OutboxAttempt((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase, response.IsSuccessStatusCode);
    }
}
