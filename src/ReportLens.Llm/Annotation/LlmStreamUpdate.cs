
namespace ReportLens.Llm.Annotation;

/// <summary>One step of a streamed annotation: text chunks of attempt 1 (and 2 after a repair), then the result.</summary>
public sealed record LlmStreamUpdate(LlmStreamUpdateKind Kind, int Attempt, string? Text = null, LlmAnnotationResult? Result = null);
