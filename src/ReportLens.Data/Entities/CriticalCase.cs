namespace ReportLens.Data.Entities;

/// <summary>
/// A critical finding (危急值) a report states, opened when an analysis of the report is recorded, until a person
/// acknowledges it or dismisses it as a false alarm. One per report and finding term.
/// </summary>
public sealed class CriticalCase
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    /// <summary>The recorded analysis that opened the case.</summary>
    public long AnnotationId { get; set; }
    /// <summary>critical.tsv's term, folded (pneumothorax, 气胸): with the report, what makes a case one case.</summary>
    public required string Term { get; set; }
    /// <summary>critical.tsv's category (chest, neuro, abdomen…).</summary>
    public required string Category { get; set; }
    /// <summary>The evidence: the UTF-16 span of the finding's first asserted mention in the report text.</summary>
    public int EvidenceStart { get; set; }
    public int EvidenceEnd { get; set; }
    /// <summary>One of <see cref="CriticalCaseState"/>.</summary>
    public required string State { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>Who acknowledged or dismissed the case, when, and their note (or reason).</summary>
    public int? ClosedBy { get; set; }
    public string? ClosedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Note { get; set; }
}
