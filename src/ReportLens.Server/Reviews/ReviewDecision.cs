namespace ReportLens.Server.Reviews;

/// <summary>One stored decision on one item (snake_case in Annotation.ReviewJson).</summary>
public sealed record ReviewDecision(string Decision, string? Text, int? ReviewedBy, string? Reviewer, DateTimeOffset ReviewedAt);
