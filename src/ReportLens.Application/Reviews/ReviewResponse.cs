using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews;

/// <summary>
/// An annotation's review: status is null (nothing decided), accepted or rejected (every decided item so, nothing
/// added), or edited (decisions differ, an item was corrected, or a missed item added); who reviewed last and when.
/// </summary>
public sealed record ReviewResponse(
    long AnnotationId,
    ReviewStatus? Status,
    int? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    ReviewCounts Counts,
    IReadOnlyDictionary<string, ReviewDecision> Items,
    IReadOnlyList<ReviewAddition> Added);
