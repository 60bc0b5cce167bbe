namespace ReportLens.Application.Reviews;

public sealed record ReviewStatsResponse(IReadOnlyList<ReviewStatsRow> Groups);
