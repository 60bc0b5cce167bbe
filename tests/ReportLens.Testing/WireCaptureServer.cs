using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReportLens.Testing;

/// <summary>
/// A loopback HTTP server that records the request bodies it gets and answers with scripted model replies, in
/// Ollama's (/api/chat) or OpenAI's (/v1/chat/completions) shape, or with whole recorded OpenAI-compatible
/// response bodies (<see cref="StartRecordedAsync"/>): to check what goes over the wire.
/// </summary>
public sealed class WireCaptureServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _replies;
    private readonly bool _recorded;
    private LoopbackHost _host = null!;

    private WireCaptureServer(ConcurrentQueue<string> replies, bool recorded)
    {
        _replies = replies;
        _recorded = recorded;
    }

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public Uri BaseUrl => _host.BaseUrl;

    public static Task<WireCaptureServer> StartAsync(params string[] replies) => StartAsync(replies, recorded: false);

    /// <summary>/v1/chat/completions answers with these bodies as they are, one per call (e.g. tests/data/openai-responses).</summary>
    public static Task<WireCaptureServer> StartRecordedAsync(params string[] completionBodies) => StartAsync(completionBodies, recorded: true);

    private static async Task<WireCaptureServer> StartAsync(string[] replies, bool recorded)
    {
        var server = new WireCaptureServer(new ConcurrentQueue<string>(replies), recorded);
        server._host = await LoopbackHost.StartAsync(app => server.Map(app));
        return server;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/api/version", () => Results.Json(new { version = "0.0.0-capture" }));
        app.MapGet("/api/tags", () => Results.Json(new { models = new[] { new { name = "qwen2.5:7b", model = "qwen2.5:7b", size = 1 } } }));
        app.MapPost("/api/chat", async (HttpRequest request) =>
        {
            var content = await RecordAsync(request);
            return Results.Json(new
            {
                model = "qwen2.5:7b",
                created_at = "2026-11-25T10:00:00Z",
                message = new { role = "assistant", content },
                done = true,
                done_reason = "stop",
                total_duration = 2_500_000_000L,
                load_duration = 500_000_000L,
                prompt_eval_count = 30,
                prompt_eval_duration = 1_000_000_000L,
                eval_count = 50,
                eval_duration = 1_000_000_000L,
            });
        });
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var content = await RecordAsync(request);
            if (_recorded)
            {
                return Results.Text(content, "application/json");
            }

            return Results.Json(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion",
                created = 1_764_064_800,
                model = "m1",
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 31, completion_tokens = 51, total_tokens = 82 },
            });
        });
    }

    private async Task<string> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        Requests.Enqueue(JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject());
        return _replies.TryDequeue(out var reply) ? reply : "{}";
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
