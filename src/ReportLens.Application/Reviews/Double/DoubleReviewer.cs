namespace ReportLens.Application.Reviews.Double;

public sealed record DoubleReviewer(int UserId, string Username, DateTimeOffset? FinishedAt);
