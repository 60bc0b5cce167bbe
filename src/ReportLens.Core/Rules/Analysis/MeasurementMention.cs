namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// A measured value found in the report: the span that states it, the measured item, value and unit. For a ratio,
/// whose bare number means nothing alone, <paramref name="HighlightStart"/> takes the highlight back to its name.
/// </summary>
internal sealed record MeasurementMention(int Start, int End, string Item, string Value, string Unit, int? HighlightStart = null)
{
    public bool HasDimensions => Value.Contains('×', StringComparison.Ordinal);
}
