namespace ReportLens.Core.Evaluation;

/// <summary>A measurement: the exact report text that states it ("3.2cm×2.1cm"), its value and unit.</summary>
public sealed record GoldMeasurement
{
    public required string Text { get; init; }
    public required string Value { get; init; }
    public string Unit { get; init; } = "";
    public string? Item { get; init; }
    /// <summary>Optional UTF-16 offset of the occurrence meant, for a text that occurs more than once.</summary>
    public int? Start { get; init; }
    /// <summary>Optional code-point offset of the same occurrence; checked against <see cref="Start"/> on load.</summary>
    public int? CodePointStart { get; init; }
}
