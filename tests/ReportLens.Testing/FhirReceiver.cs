using System.Collections.Concurrent;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReportLens.Testing;

/// <summary>
/// A loopback FHIR server, as small as a test needs: <c>POST /fhir/{name}</c> (a server base) takes a Bundle, checks
/// it with <see cref="FhirProfileValidator"/> and records it. A name in <c>failFirst</c> answers 503 to its first n
/// pushes of each report (by the DiagnosticReport's id) before it accepts one.
/// </summary>
public sealed class FhirReceiver : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Server, string? Report), int> _seen = new();

    private FhirReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<FhirPush> Pushes { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Server(string name) => new(BaseUrl, $"fhir/{name}");

    public static async Task<FhirReceiver> StartAsync(IReadOnlyDictionary<string, int>? failFirst = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new FhirReceiver(app);
        app.MapPost("/fhir/{name}", async (string name, HttpRequest request) =>
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
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
