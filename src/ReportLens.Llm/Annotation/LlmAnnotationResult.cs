using ReportLens.Core.Annotations;

namespace ReportLens.Llm;

/// <summary>
/// A schema-valid annotation and how it was made. Tokens and Ollama's durations (nanoseconds) are summed over
/// the first call and the repair call when there was one; they are null when the backend does not report them.
/// </summary>
public sealed record LlmAnnotationResult
{
    public required AnnotationContent Content { get; init; }

    /// <summary>The accepted reply as the model sent it, its reasoning removed (store for audit, never log).</summary>
    public required string RawReply { get; init; }

    /// <summary>The model reasoned before answering (a thinking field or a &lt;think&gt; block, removed before parsing).</summary>
    public bool Thought { get; init; }

    /// <summary>Reasoning tokens, when the backend reports them apart (OpenAI-compatible usage); Ollama counts them in OutputTokens.</summary>
    public int? ThinkingTokens { get; init; }

    /// <summary>Replies that failed the schema before the accepted one (at most one).</summary>
    public IReadOnlyList<string> RejectedReplies { get; init; } = [];

    public required string Model { get; init; }

    /// <summary>The endpoint that answered (for Ollama its base URL).</summary>
    public required string Backend { get; init; }

    public required string PromptVersion { get; init; }

    public required double Temperature { get; init; }

    public int? PromptTokens { get; init; }

    public int? OutputTokens { get; init; }

    public long? TotalDurationNs { get; init; }

    public long? LoadDurationNs { get; init; }

    public long? PromptEvalDurationNs { get; init; }

    public long? EvalDurationNs { get; init; }

    public int SchemaRepairs { get; init; }

    /// <summary>Wall time of the whole annotation, queue wait included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Time spent waiting for a free slot.</summary>
    public TimeSpan QueueWait { get; init; }
}
