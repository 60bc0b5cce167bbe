namespace ReportLens.Application.Reviews;

/// <summary>
/// One stored decision on one item (snake_case in Annotation.ReviewJson); an edit carries the corrected text, the
/// corrected attributes, or both.
/// </summary>
public sealed record ReviewDecision(string Decision, string? Text, int? ReviewedBy, string? Reviewer, DateTimeOffset ReviewedAt, ReviewAttributes? Attributes = null);
