namespace ReportLens.Core.Annotations;

public sealed record GroundedText
{
    public required string Text { get; init; }
    public SpanGrounding? Grounding { get; init; }
    /// <summary>"llm", "rules", or "both" when the engines agreed on it; set by the hybrid merge.</summary>
    public string? Source { get; init; }
    public bool Agreed { get; init; }
}
