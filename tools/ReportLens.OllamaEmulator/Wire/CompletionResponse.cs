namespace ReportLens.OllamaEmulator.Wire;

/// <summary>One /api/chat (message) or /api/generate (response) object; statistics only on the done line.</summary>
internal sealed record CompletionResponse
{
    public required string Model { get; init; }
    public required string CreatedAt { get; init; }
    public OllamaMessage? Message { get; init; }
    public string? Response { get; init; }
    /// <summary>/api/generate's reasoning field (chat puts it in message.thinking).</summary>
    public string? Thinking { get; init; }
    public bool Done { get; init; }
    public string? DoneReason { get; init; }
    public long? TotalDuration { get; init; }
    public long? LoadDuration { get; init; }
    public int? PromptEvalCount { get; init; }
    public long? PromptEvalDuration { get; init; }
    public int? EvalCount { get; init; }
    public long? EvalDuration { get; init; }
    /// <summary>With "logprobs": true in the request: every generated token and its log-probability.</summary>
    public IReadOnlyList<LogprobEntry>? Logprobs { get; init; }
}
