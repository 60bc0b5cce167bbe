using System.Text.Json;

namespace ReportLens.Application.Caching;

/// <summary>What the result cache keeps of an outcome: enough to answer again without running any engine.</summary>
public sealed record CachedResult(
    ReportLens.Core.Annotations.EngineKind Engine,
    JsonElement Content,
    double GroundedFraction,
    double Confidence,
    JsonElement ConfidenceDetails,
    ReportLens.Llm.Analysis.LlmCallInfo? Llm,
    double? Agreement,
    int Contradictions,
    double DurationSeconds);
