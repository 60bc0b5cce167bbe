using System.Collections.Concurrent;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReportLens.Testing;

/// <summary>
/// A loopback FHIR server, as small as a test needs: <c>POST /fhir/{name}</c> (a server base) takes a Bundle, checks
/// it with <see cref="FhirProfileValidator"/> and records it. A name in <c>failFirst</c> answers 503 to its first n
/// pushes of each report (by the DiagnosticReport's id) before it accepts one.
/// </summary>
public sealed class FhirReceiver : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private readonly ConcurrentDictionary<(string Server, string? Report), int> _seen = new();
    private LoopbackHost _host = null!;

    private FhirReceiver()
    {
    }

    public ConcurrentQueue<FhirPush> Pushes { get; } = new();

    public Uri BaseUrl => _host.BaseUrl;

    public Uri Server(string name) => new(BaseUrl, $"fhir/{name}");

    public static async Task<FhirReceiver> StartAsync(IReadOnlyDictionary<string, int>? failFirst = null)
    {
        var receiver = new FhirReceiver();
        receiver._host = await LoopbackHost.StartAsync(app => app.MapPost("/fhir/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var bundle = (Bundle)JsonSerializer.Deserialize<Resource>(body, Json)!;
            var report = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().FirstOrDefault()?.Id;
            var count = receiver._seen.AddOrUpdate((name, report), 1, (_, n) => n + 1);
            var fail = failFirst is not null && failFirst.TryGetValue(name, out var n) && count <= n;
            receiver.Pushes.Enqueue(new FhirPush(name, request.ContentType, request.Headers.Authorization.ToString(), bundle,
                FhirProfileValidator.Errors(bundle), fail ? 503 : 200));
            return fail ? Results.StatusCode(503) : Results.Json(new { resourceType = "Bundle", type = "transaction-response" }, statusCode: 200);
        }));
        return receiver;
    }

    /// <summary>The pushes one server got for a DiagnosticReport id, in order, waiting up to <paramref name="timeout"/> until they are <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<FhirPush>> WaitForAsync(string server, string reportResourceId, Func<IReadOnlyList<FhirPush>, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var pushes = Pushes.Where(p => p.Server == server && p.DiagnosticReport?.Id == reportResourceId).ToList();
            if (done(pushes) || DateTime.UtcNow > until)
            {
                return pushes;
            }

            await System.Threading.Tasks.Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
