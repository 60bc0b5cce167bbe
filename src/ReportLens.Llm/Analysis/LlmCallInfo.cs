namespace ReportLens.Llm.Analysis;

/// <summary>
/// What the LLM call cost and which model, prompt and backend produced it; <see cref="Deidentified"/> says whether
/// that backend got de-identified text or the original.
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
    bool Deidentified = false);
