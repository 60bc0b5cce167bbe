using ReportLens.Core.Confidence;

namespace ReportLens.Core.Annotations;

/// <summary>One highlighted span. Category is one of abnormal, measurement, location, diagnosis.</summary>
public sealed record HighlightItem
{
    public required string Text { get; init; }
    public required string Category { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string Reason { get; init; } = "";
    public bool Negated { get; init; }
    public bool Uncertain { get; init; }
    public SpanGrounding? Grounding { get; init; }
    /// <summary>"llm", "rules", or "both" when the engines agreed on it.</summary>
    public string? Source { get; init; }
    public bool Agreed { get; init; }
    /// <summary>The rules engine's confidence in this item and the factors behind it (docs/confidence.md); null from an LLM.</summary>
    public ConfidenceReport? Confidence { get; init; }
}
