namespace ReportLens.Application.Reviews.Double;

/// <summary>Where a double review stands: both reviewers working, waiting for a third person, or settled (agreed or adjudicated).</summary>
public static class DoubleReviewStates
{
    public const string InReview = "in_review";
    public const string NeedsAdjudication = "needs_adjudication";
    public const string Settled = "settled";
}
