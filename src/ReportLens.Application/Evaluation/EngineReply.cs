using ReportLens.Core.Annotations;

namespace ReportLens.Application.Evaluation;

/// <summary>What one engine call returned for a gold report: the content (null: no valid annotation) and token counts.</summary>
public sealed record EngineReply(AnnotationContent? Content, int? PromptTokens, int? OutputTokens);
