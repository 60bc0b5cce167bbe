using ReportLens.Core.Confidence;

namespace ReportLens.Core.Annotations;

/// <summary>A finding with its negation and uncertainty, and where it was found.</summary>
public sealed record Finding
{
    public required string Text { get; init; }
    public bool Negated { get; init; }
    public bool Uncertain { get; init; }
    public bool Abnormal { get; init; }
    public SpanGrounding? Grounding { get; init; }
    /// <summary>"llm", "rules", or "both" when the engines agreed on it; set by the hybrid merge.</summary>
    public string? Source { get; init; }
    public bool Agreed { get; init; }
    /// <summary>The rules engine's confidence in this item and the factors behind it (docs/confidence.md); null from an LLM.</summary>
    public ConfidenceReport? Confidence { get; init; }
}
