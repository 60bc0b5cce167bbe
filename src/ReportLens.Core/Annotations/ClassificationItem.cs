namespace ReportLens.Core.Annotations;

/// <summary>One dimension's class, e.g. 紧急程度 = 危急. Evidence quotes the report text that decided it.</summary>
public sealed record ClassificationItem
{
    public required string Dimension { get; init; }
    public required string Category { get; init; }
    public double Confidence { get; init; }
    public string? Evidence { get; init; }
    /// <summary>Where <see cref="Evidence"/> stands in the report; set by grounding.</summary>
    public SpanGrounding? EvidenceGrounding { get; init; }
    /// <summary>
    /// The findings that set this category, each with its span (紧急程度: every asserted finding at the deciding
    /// level), so a reader sees why a report is 危急. Null when the dimension is not decided by findings.
    /// </summary>
    public IReadOnlyList<GroundedText>? Findings { get; init; }
}
