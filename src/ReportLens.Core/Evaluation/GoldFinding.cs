namespace ReportLens.Core.Evaluation;

/// <summary>A finding as it stands in the report text (an exact substring), with its negation and uncertainty.</summary>
public sealed record GoldFinding
{
    public required string Text { get; init; }
    public bool Negated { get; init; }
    public bool Uncertain { get; init; }
    /// <summary>True for an abnormal finding that is asserted (not negated).</summary>
    public bool Abnormal { get; init; }
    public bool Critical { get; init; }
    /// <summary>Optional UTF-16 offset of the occurrence meant, for a text that occurs more than once.</summary>
    public int? Start { get; init; }
    /// <summary>Optional code-point offset of the same occurrence (as Python counts); checked against <see cref="Start"/> on load.</summary>
    public int? CodePointStart { get; init; }
    /// <summary>Optional, from a review: left, right or bilateral.</summary>
    public string? Laterality { get; init; }
    /// <summary>Optional, from a review: mild, moderate or severe.</summary>
    public string? Severity { get; init; }
}
