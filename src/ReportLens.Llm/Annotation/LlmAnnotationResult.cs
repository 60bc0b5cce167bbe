using ReportLens.Core.Annotations;
using ReportLens.Core.Deidentification;
using ReportLens.Llm.Logprobs;

namespace ReportLens.Llm.Annotation;

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

    /// <summary>Mean of the model's own probabilities for its items (token log-probabilities); null when there were none.</summary>
    public double? TokenProbability { get; init; }

    /// <summary>Where item confidence came from: logprobs, unavailable (the backend sent none, or the call streamed), off (Llm:Logprobs false).</summary>
    public string TokenConfidenceSource { get; init; } = TokenConfidenceSources.Unavailable;

    /// <summary>Calls the report took: 1, or the number of chunks of a report too long for the context window.</summary>
    public int Chunks { get; init; } = 1;

    /// <summary>num_ctx asked for (Ollama); null for backends that take none.</summary>
    public int? NumCtx { get; init; }

    /// <summary>The backend evaluated fewer prompt tokens than the prompt must have: it cut the prompt (prompt_eval_count).</summary>
    public bool PromptTruncated { get; init; }

    /// <summary>Wall time of the whole annotation, queue wait included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Time spent waiting for a free slot.</summary>
    public TimeSpan QueueWait { get; init; }

    /// <summary>
    /// When the endpoint got de-identified text: that text and the map back to the original report. The model's
    /// quotes and offsets refer to this text; <see cref="DeidentifiedContent"/> brings them home. Null when the
    /// endpoint got the original. Holds the identifiers: stays on the server.
    /// </summary>
    public DeidResult? Deidentified { get; init; }

    /// <summary>A report analysed in chunks of which one or more went out de-identified (each already mapped back).</summary>
    public bool DeidentifiedChunks { get; init; }
}
