
namespace ReportLens.Llm.Analysis;

/// <summary>
/// What the LLM call cost and which model, prompt and backend produced it; <see cref="Deidentified"/> says whether
/// that backend got de-identified text or the original. Thought: the model reasoned before answering (removed before
/// parsing); ThinkingTokens when the backend reports them apart. Chunks: calls a report too long for the context
/// window took; PromptTruncated: the backend evaluated fewer prompt tokens than sent.
/// </summary>
public sealed record LlmCallInfo(
    string Model,
    string Backend,
    string PromptVersion,
    double Temperature,
    int? PromptTokens,
    int? OutputTokens,
    long? TotalDurationNs,
    long? LoadDurationNs,
    long? PromptEvalDurationNs,
    long? EvalDurationNs,
    int SchemaRepairs,
    string RawReply,
    bool Deidentified = false,
    bool Thought = false,
    int? ThinkingTokens = null,
    int Chunks = 1,
    int? NumCtx = null,
    bool PromptTruncated = false,
    string? TokenConfidence = null,
    double? TokenProbability = null);
