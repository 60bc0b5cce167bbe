namespace ReportLens.Data.Entities;

/// <summary>
/// One of the two reviewers of an annotation in double review, and their own review of it (a ReviewRecord as JSON,
/// kept apart from the annotation's settled Annotation.ReviewJson so neither reviewer sees the other's until both finish).
/// </summary>
public sealed class ReviewAssignment
{
    public long Id { get; set; }
    public long AnnotationId { get; set; }
    public int ReviewerId { get; set; }
    public required string ReviewerName { get; set; }
    public int? AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    /// <summary>This reviewer's decisions and added items; null until the first decision.</summary>
    public string? RecordJson { get; set; }
    /// <summary>When the reviewer pressed "finish my review"; their record is frozen from then.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>When the annotation's review was settled from both records (agreed, or adjudicated).</summary>
    public DateTimeOffset? SettledAt { get; set; }
}
