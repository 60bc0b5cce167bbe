namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// Body of POST /api/v1/reviews/assignments: the annotations to double-review (or every succeeded annotation of
/// <see cref="ReportId"/> that is not already in double review) and the usernames of the two reviewers.
/// </summary>
public sealed record AssignmentRequest(IReadOnlyList<long>? AnnotationIds, int? ReportId, IReadOnlyList<string>? Reviewers);
