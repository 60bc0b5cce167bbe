namespace ReportLens.Core.Annotations;

/// <summary>A measured value in the stored shape {item, value, unit}, plus where it was found.</summary>
public sealed record Measurement
{
    public required string Item { get; init; }
    public required string Value { get; init; }
    public string Unit { get; init; } = "";
    /// <summary>The report text that states the value, e.g. "3.2cm×2.1cm".</summary>
    public string? Text { get; init; }
    public SpanGrounding? Grounding { get; init; }
    /// <summary>"llm", "rules", or "both" when the engines agreed on it; set by the hybrid merge.</summary>
    public string? Source { get; init; }
    public bool Agreed { get; init; }
}
