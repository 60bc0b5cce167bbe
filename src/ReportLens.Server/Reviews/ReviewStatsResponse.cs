namespace ReportLens.Server.Reviews;

public sealed record ReviewStatsResponse(IReadOnlyList<ReviewStatsRow> Groups);
