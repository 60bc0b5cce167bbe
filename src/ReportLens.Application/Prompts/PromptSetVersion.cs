using ReportLens.Core.Annotations;

namespace ReportLens.Application.Prompts;

/// <summary>One stored example set inside a few-shot <see cref="PromptVersionChoice"/>: its type, language, own version and size.</summary>
public sealed record PromptSetVersion(AnnotationType AnnotationType, string Language, string PromptVersion, int Examples);
