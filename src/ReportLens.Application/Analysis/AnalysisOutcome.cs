using System.Text.Json;
using System.Text.Json.Serialization;
using ReportLens.Core.Annotations;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application.Analysis;

/// <summary>
/// A finished analysis: the grounded content as it is stored, the engine that ran, confidence with the evidence
/// behind it, and the LLM call's details when an LLM took part. The result cache keeps it as it is (its JSON is the
/// entry's <c>result_json</c>), so a hit answers without running any engine.
/// </summary>
public sealed record AnalysisOutcome(
    EngineKind Engine,
    JsonElement Content,
    double GroundedFraction,
    double Confidence,
    JsonElement ConfidenceDetails,
    LlmCallInfo? Llm,
    double? Agreement,
    int Contradictions,
    double DurationSeconds)
{
    /// <summary>Served from the result cache rather than run now; not part of the cached JSON.</summary>
    [JsonIgnore]
    public bool Cached { get; init; }
}
