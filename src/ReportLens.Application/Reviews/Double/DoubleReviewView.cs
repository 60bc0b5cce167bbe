namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// What one user sees of an annotation's review in the report view: the review (their own while they double-review,
/// else the settled one), the double review if any, whether the review is their own and whether they may still change it.
/// </summary>
public sealed record DoubleReviewView(ReviewResponse Review, DoubleReviewSummary? DoubleReview, bool Own, bool CanChange);
