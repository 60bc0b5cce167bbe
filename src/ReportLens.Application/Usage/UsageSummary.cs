namespace ReportLens.Application.Usage;

/// <summary>Usage over [From, To) per group, largest first, and the total.</summary>
public sealed record UsageSummary(DateTimeOffset From, DateTimeOffset To, UsageGroupBy GroupBy, IReadOnlyList<UsageRow> Rows, UsageRow Total);
