namespace ReportLens.Core.Rules.Analysis;

/// <summary>A measured value found in the report: the span that states it, the measured item, value and unit.</summary>
internal sealed record MeasurementMention(int Start, int End, string Item, string Value, string Unit)
{
    public bool HasDimensions => Value.Contains('×', StringComparison.Ordinal);
}
