using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>What the last answer of an inference reports: the reply (unless it was streamed), timings and tokens.</summary>
internal sealed record ReplyDone(
    bool Streamed,
    string Content,
    string? Thinking,
    CompletionTiming Timing,
    TimeSpan LoadTime,
    TimeSpan Total,
    IReadOnlyList<LogprobEntry>? Logprobs);
