namespace ReportLens.Core.Deidentification;

/// <summary>
/// One identifier found in a text: its type, the rule that found it, and where it is — UTF-16 offsets
/// (<see cref="Start"/>/<see cref="End"/>) and code-point offsets, as <see cref="Annotations.SpanGrounding"/> counts them.
/// </summary>
public sealed record PhiSpan
{
    public required PhiType Type { get; init; }
    public required string Rule { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required int CodePointStart { get; init; }
    public required int CodePointEnd { get; init; }
    public required string Text { get; init; }
}
