using ReportLens.Data.Entities;

namespace ReportLens.Server.Reviews;

/// <summary>
/// An annotation's review: status is null (nothing decided), accepted or rejected (every decided item so),
/// or edited (decisions differ, or an item was corrected); who reviewed last and when.
/// </summary>
public sealed record ReviewResponse(
    long AnnotationId,
    ReviewStatus? Status,
    int? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    ReviewCounts Counts,
    IReadOnlyDictionary<string, ReviewDecision> Items);
