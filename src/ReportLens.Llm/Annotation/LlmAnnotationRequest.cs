using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Annotation;

/// <summary>
/// One annotation to make. Model and Temperature fall back to the configuration and the type's default.
/// <see cref="Examples"/>, when it holds any, is sent as example turns between the system prompt and the report,
/// and its prompt version is the result's.
/// </summary>
public sealed record LlmAnnotationRequest(
    string ReportText,
    ReportLanguage Language,
    AnnotationType Type,
    string UserPrompt,
    string? Model = null,
    double? Temperature = null,
    LlmPriority Priority = LlmPriority.Interactive,
    FewShotSet? Examples = null);
