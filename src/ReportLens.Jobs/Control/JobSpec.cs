using ReportLens.Core.Annotations;

namespace ReportLens.Jobs.Control;

/// <summary>What every item of a job runs: the batch-analyze fields (user_prompt, annotation_type, temperature) plus engine, model and cache choice.</summary>
public sealed record JobSpec(
    AnnotationType Type,
    string UserPrompt,
    EngineKind? Engine = null,
    string? Model = null,
    double? Temperature = null,
    bool BypassCache = false);
