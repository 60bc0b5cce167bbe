using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReportLens.Testing;

/// <summary>
/// A loopback webhook receiver, as a hospital system would run one: POST /hook/{name} checks the HMAC-SHA256
/// signature (X-ReportLens-Signature: sha256=hex) over the raw body with the shared secret and records each call.
/// A name in <c>failFirst</c> answers 500 to the first n calls for each case before it accepts one.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Hook, long CaseId), int> _seen = new();
    private LoopbackHost _host = null!;

    private WebhookReceiver()
    {
    }

    public ConcurrentQueue<WebhookCall> Calls { get; } = new();

    public Uri BaseUrl => _host.BaseUrl;

    public Uri Hook(string name) => new(BaseUrl, $"hook/{name}");

    public static async Task<WebhookReceiver> StartAsync(string secret, IReadOnlyDictionary<string, int>? failFirst = null)
    {
        var receiver = new WebhookReceiver();
        receiver._host = await LoopbackHost.StartAsync(app => app.MapPost("/hook/{name}", async (string name, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
            var signature = request.Headers["X-ReportLens-Signature"].ToString();
            var json = JsonDocument.Parse(body).RootElement.Clone();
            var caseId = json.TryGetProperty("case_id", out var id) ? id.GetInt64() : 0;
            var count = receiver._seen.AddOrUpdate((name, caseId), 1, (_, n) => n + 1);
            var fail = failFirst is not null && failFirst.TryGetValue(name, out var n) && count <= n;
            receiver.Calls.Enqueue(new WebhookCall(name, request.Headers["X-ReportLens-Event"].ToString(),
                request.Headers["X-ReportLens-Delivery"].ToString(), signature == expected, Encoding.UTF8.GetString(body), json, fail ? 500 : 204));
            return fail ? Results.StatusCode(500) : signature == expected ? Results.NoContent() : Results.Unauthorized();
        }));
        return receiver;
    }

    /// <summary>The calls for one case, waiting up to <paramref name="timeout"/> until there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<WebhookCall>> WaitForAsync(string hook, long caseId, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var calls = Calls.Where(c => c.Hook == hook && c.Json.TryGetProperty("case_id", out var id) && id.GetInt64() == caseId).ToList();
            if (calls.Count >= count || DateTime.UtcNow > until)
            {
                return calls;
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
