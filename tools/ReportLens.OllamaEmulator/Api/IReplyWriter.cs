using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// Puts one inference on the wire in an API's shape — Ollama's NDJSON lines or OpenAI's chat completion and SSE
/// chunks — so <see cref="InferenceRunner"/> and <see cref="CompletionStreamer"/> serve both the same way.
/// </summary>
internal interface IReplyWriter
{
    /// <summary>An error answer before anything was sent (unknown model, busy, fault).</summary>
    Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken ct);

    /// <summary>A request without content: Ollama loads (or with keep_alive 0 unloads) the model.</summary>
    Task WriteLoadedAsync(HttpContext context, bool unloaded, CancellationToken ct);

    void StartStream(HttpContext context);

    Task WriteThinkingAsync(HttpContext context, string thinking, CancellationToken ct);

    /// <summary>One streamed piece of the reply, with the log-probabilities of its tokens when they were asked for.</summary>
    Task WriteChunkAsync(HttpContext context, string text, IReadOnlyList<LogprobEntry>? logprobs, CancellationToken ct);

    /// <summary>An error inside a stream that has already started (HTTP 200 sent).</summary>
    Task WriteStreamErrorAsync(HttpContext context, string message, CancellationToken ct);

    /// <summary>The end: the whole reply when not streamed, the statistics either way.</summary>
    Task WriteDoneAsync(HttpContext context, ReplyDone done, CancellationToken ct);
}
