using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application.Analysis;

/// <summary>
/// A finished analysis: grounded content, the engine that ran, confidence with the evidence behind it, and the
/// LLM call's details when an LLM took part.
/// </summary>
public sealed record AnalysisOutcome(
    AnnotationContent Content,
    EngineKind Engine,
    double GroundedFraction,
    double Confidence,
    JsonElement ConfidenceDetails,
    LlmCallInfo? Llm,
    double? Agreement,
    int Contradictions,
    TimeSpan Elapsed);
