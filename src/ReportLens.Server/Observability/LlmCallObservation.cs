namespace ReportLens.Server.Observability;

/// <summary>One finished call to an LLM backend, as the metrics see it (no prompt or reply text, ever).</summary>
/// <param name="Outcome">One of <see cref="LlmOutcomes"/>; anything else is recorded as "error".</param>
public sealed record LlmCallObservation(
    string Backend,
    string Model,
    string AnnotationType,
    string Outcome,
    TimeSpan Duration,
    int? PromptTokens = null,
    int? OutputTokens = null,
    TimeSpan? EvalDuration = null,
    int? ThinkingTokens = null);
