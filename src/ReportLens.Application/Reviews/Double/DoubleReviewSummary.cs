namespace ReportLens.Application.Reviews.Double;

/// <summary>One annotation in double review: its state, its two reviewers (finished or not), and whether a third person settled it.</summary>
public sealed record DoubleReviewSummary(
    long AnnotationId,
    int ReportId,
    string AnnotationType,
    string Engine,
    string ModelName,
    string State,
    IReadOnlyList<DoubleReviewer> Reviewers,
    DateTimeOffset AssignedAt,
    string? AdjudicatedBy);
