using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>A loopback Ollama stand-in that records every /api/chat body and answers with an empty JSON object: to check what goes over the wire.</summary>
public sealed class ChatCaptureServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ChatCaptureServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<ChatCaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new ChatCaptureServer(builder.Build());
        server.app.MapPost("/api/chat", async (HttpRequest request) =>
        {
            server.Requests.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.Json(new { model = "captured", message = new { role = "assistant", content = "{}" }, done = true });
        });
        await server.app.StartAsync();
        server.Url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
