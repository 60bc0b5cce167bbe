using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>Ollama's shape: one JSON object, or NDJSON lines ending with a done line; logprobs on a non-streamed done object.</summary>
internal sealed class OllamaReplyWriter(InferenceRequest request, TimeProvider time) : IReplyWriter
{
    public Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken ct) =>
        OllamaResults.WriteErrorAsync(context, status, message, ct);

    public Task WriteLoadedAsync(HttpContext context, bool unloaded, CancellationToken ct) =>
        OllamaResults.WriteJsonAsync(context, StatusCodes.Status200OK, Line("", done: true) with { DoneReason = unloaded ? "unload" : "load" }, ct);

    public void StartStream(HttpContext context) => OllamaResults.StartStream(context);

    public Task WriteThinkingAsync(HttpContext context, string thinking, CancellationToken ct) =>
        OllamaResults.WriteLineAsync(context, Line("", done: false, thinking), ct);

    public Task WriteChunkAsync(HttpContext context, string text, IReadOnlyList<LogprobEntry>? logprobs, CancellationToken ct) =>
        OllamaResults.WriteLineAsync(context, Line(text, done: false), ct);

    public Task WriteStreamErrorAsync(HttpContext context, string message, CancellationToken ct) =>
        OllamaResults.WriteLineAsync(context, new ErrorResponse(message), ct);

    public Task WriteDoneAsync(HttpContext context, ReplyDone done, CancellationToken ct)
    {
        var line = Line(done.Streamed ? "" : done.Content, done: true, done.Streamed ? null : done.Thinking) with
        {
            DoneReason = "stop",
            TotalDuration = WireTime.Nanoseconds(done.Total),
            LoadDuration = WireTime.Nanoseconds(done.LoadTime),
            PromptEvalCount = done.Timing.PromptTokens,
            PromptEvalDuration = Math.Max(1000, WireTime.Nanoseconds(done.Timing.PromptTime)),
            EvalCount = done.Timing.EvalTokens,
            EvalDuration = Math.Max(1000, WireTime.Nanoseconds(done.Timing.EvalTime)),
            Logprobs = done.Streamed ? null : done.Logprobs,
        };
        return done.Streamed
            ? OllamaResults.WriteLineAsync(context, line, ct)
            : OllamaResults.WriteJsonAsync(context, StatusCodes.Status200OK, line, ct);
    }

    private CompletionResponse Line(string text, bool done, string? thinking = null) => new()
    {
        Model = request.Model,
        CreatedAt = WireTime.Format(time.GetUtcNow()),
        Message = request.IsChat ? new OllamaMessage { Role = "assistant", Content = text, Thinking = thinking } : null,
        Response = request.IsChat ? null : text,
        Thinking = request.IsChat ? null : thinking,
        Done = done,
    };
}
