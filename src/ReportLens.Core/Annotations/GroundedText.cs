namespace ReportLens.Core.Annotations;

public sealed record GroundedText
{
    public required string Text { get; init; }
    public SpanGrounding? Grounding { get; init; }
}
