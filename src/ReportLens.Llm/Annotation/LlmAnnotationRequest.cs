using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Llm;

/// <summary>One annotation to make. Model and Temperature fall back to the configuration and the type's default.</summary>
public sealed record LlmAnnotationRequest(
    string ReportText,
    ReportLanguage Language,
    AnnotationType Type,
    string UserPrompt,
    string? Model = null,
    double? Temperature = null,
    LlmPriority Priority = LlmPriority.Interactive);
