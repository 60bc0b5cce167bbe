using System.Text;
using System.Text.Json;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// OpenAI's shape: a chat.completion object, or server-sent chat.completion.chunk events ending with a finish chunk,
/// the usage chunk when stream_options.include_usage asks for it, and <c>data: [DONE]</c>. Errors as
/// {"error": {"message", "type", "code"}}.
/// </summary>
internal sealed class OpenAiReplyWriter(OpenAiCall call, TimeProvider time) : IReplyWriter
{
    private static long _next;
    private readonly string _id = "chatcmpl-emulator-" + Interlocked.Increment(ref _next);
    private readonly long _created = time.GetUtcNow().ToUnixTimeSeconds();

    public Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken ct) =>
        OllamaResults.WriteJsonAsync(context, status, Error(status, message), ct);

    // OpenAiApi refuses a request without content, so there is nothing to load here.
    public Task WriteLoadedAsync(HttpContext context, bool unloaded, CancellationToken ct) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, "messages must hold some content", ct);

    public void StartStream(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
    }

    public Task WriteThinkingAsync(HttpContext context, string thinking, CancellationToken ct) =>
        EventAsync(context, Chunk(new OpenAiChoice { Delta = new OpenAiMessage { Role = "assistant", ReasoningContent = thinking } }), ct);

    public Task WriteChunkAsync(HttpContext context, string text, IReadOnlyList<LogprobEntry>? logprobs, CancellationToken ct) =>
        EventAsync(context, Chunk(new OpenAiChoice { Delta = new OpenAiMessage { Role = "assistant", Content = text }, Logprobs = Logprobs(logprobs) }), ct);

    public Task WriteStreamErrorAsync(HttpContext context, string message, CancellationToken ct) =>
        EventAsync(context, Error(StatusCodes.Status500InternalServerError, message), ct);

    public async Task WriteDoneAsync(HttpContext context, ReplyDone done, CancellationToken ct)
    {
        var usage = new OpenAiUsage(done.Timing.PromptTokens, done.Timing.EvalTokens, done.Timing.PromptTokens + done.Timing.EvalTokens);
        if (!done.Streamed)
        {
            var choice = new OpenAiChoice
            {
                Message = new OpenAiMessage { Role = "assistant", Content = done.Content, ReasoningContent = done.Thinking },
                Logprobs = Logprobs(done.Logprobs),
                FinishReason = "stop",
            };
            await OllamaResults.WriteJsonAsync(context, StatusCodes.Status200OK, new OpenAiCompletion(_id, _created, call.Model, [choice], usage), ct);
            return;
        }

        await EventAsync(context, Chunk(new OpenAiChoice { Delta = new OpenAiMessage(), FinishReason = "stop" }), ct);
        if (call.IncludeUsage)
        {
            await EventAsync(context, new OpenAiChunk(_id, _created, call.Model, []) { Usage = usage }, ct);
        }

        await WriteEventAsync(context, "[DONE]"u8.ToArray(), ct);
    }

    private OpenAiChunk Chunk(OpenAiChoice choice) => new(_id, _created, call.Model, [choice]);

    private OpenAiLogprobs? Logprobs(IReadOnlyList<LogprobEntry>? entries) =>
        entries is null ? null : new OpenAiLogprobs([.. entries.Select(e => new OpenAiTokenLogprob(e.Token, e.Logprob, e.Bytes, Top(e, call.TopLogprobs)))]);

    /// <summary>The token itself first, then made-up alternatives sharing what probability is left, each half the one before.</summary>
    private static List<OpenAiTopLogprob> Top(LogprobEntry entry, int count)
    {
        var top = new List<OpenAiTopLogprob>();
        var rest = 1 - Math.Exp(entry.Logprob);
        for (var k = 0; k < count; k++)
        {
            top.Add(k == 0
                ? new OpenAiTopLogprob(entry.Token, entry.Logprob, entry.Bytes)
                : new OpenAiTopLogprob($"alt{k}", Math.Log(rest / Math.Pow(2, k)), [.. Encoding.UTF8.GetBytes($"alt{k}").Select(b => (int)b)]));
        }

        return top;
    }

    private static OpenAiError Error(int status, string message) => new(status switch
    {
        StatusCodes.Status404NotFound => new OpenAiErrorDetail(message, "invalid_request_error", "model_not_found"),
        StatusCodes.Status503ServiceUnavailable => new OpenAiErrorDetail(message, "server_error", "service_unavailable"),
        >= 500 => new OpenAiErrorDetail(message, "server_error", "internal_error"),
        _ => new OpenAiErrorDetail(message, "invalid_request_error", "bad_request"),
    });

    private static Task EventAsync<T>(HttpContext context, T body, CancellationToken ct) =>
        WriteEventAsync(context, JsonSerializer.SerializeToUtf8Bytes(body, EmulatorJson.Options), ct);

    private static async Task WriteEventAsync(HttpContext context, byte[] data, CancellationToken ct)
    {
        await context.Response.Body.WriteAsync("data: "u8.ToArray(), ct);
        await context.Response.Body.WriteAsync(data, ct);
        await context.Response.Body.WriteAsync("\n\n"u8.ToArray(), ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
