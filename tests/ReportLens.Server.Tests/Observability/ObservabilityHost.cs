using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Tests.Observability;

/// <summary>A minimal app on real Kestrel wired only with the observability extensions.</summary>
internal sealed class ObservabilityHost(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public IServiceProvider Services => app.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

    public static async Task<ObservabilityHost> StartAsync(
        IDictionary<string, string?> settings, IPAddress? bindAddress = null, TimeProvider? time = null,
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        var address = bindAddress ?? IPAddress.Loopback;
        builder.WebHost.UseUrls($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString())}:0");
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddProblemDetails();
        builder.AddReportLensObservability();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapReportLensMetrics();
        configureApp?.Invoke(app);
        app.MapGet("/api/v1/reports/{id:int}", (int id) => Results.Ok(new { id }));
        app.MapGet("/api/v1/trace", (ReportLensTelemetry telemetry) =>
        {
            using var activity = telemetry.Source.StartActivity("analysis");
            return Results.Ok(new { trace_id = activity?.TraceId.ToString(), parent_span = activity?.ParentSpanId.ToString() });
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ObservabilityHost(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A W3C traceparent header for a fresh, sampled trace.</summary>
    public static (string Header, string TraceId) NewTraceParent()
    {
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        return ($"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01", trace);
    }
}
