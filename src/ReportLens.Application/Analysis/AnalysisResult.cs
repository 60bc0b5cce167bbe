using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application.Analysis;

/// <summary>An outcome (fresh or from the cache), ready to persist or to answer with.</summary>
public sealed record AnalysisResult(
    AnnotationType Type,
    EngineKind Engine,
    JsonElement Content,
    double GroundedFraction,
    double Confidence,
    JsonElement ConfidenceDetails,
    LlmCallInfo? Llm,
    double DurationSeconds,
    bool Cached);
