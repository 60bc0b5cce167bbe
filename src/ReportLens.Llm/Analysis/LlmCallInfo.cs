namespace ReportLens.Llm.Analysis;

/// <summary>What the LLM call cost and which model, prompt and backend produced it.</summary>
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
    string RawReply);
