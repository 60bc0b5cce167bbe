namespace ReportLens.Core.Annotations;

/// <summary>
/// Where an item sits in the report. <see cref="Start"/>/<see cref="End"/> are UTF-16 offsets (as .NET and
/// JavaScript strings count); <see cref="CodePointStart"/>/<see cref="CodePointEnd"/> count Unicode code points
/// (as Python counts). <see cref="SourceText"/> is the report's own text at the span, which differs from the
/// item's text when the match was normalised or fuzzy.
/// </summary>
public sealed record SpanGrounding
{
    public GroundingMatch Match { get; init; }
    public double Score { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
    public int? CodePointStart { get; init; }
    public int? CodePointEnd { get; init; }
    public string? SourceText { get; init; }

    public bool Ungrounded => Match == GroundingMatch.None;

    public static SpanGrounding NotFound { get; } = new() { Match = GroundingMatch.None, Score = 0 };
}
