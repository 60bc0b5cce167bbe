namespace ReportLens.Application.Reports;

/// <summary>What storing a report did, the report's id (0 when nothing was stored) and its current version (1 for a first text).</summary>
public sealed record StoredReport(StoreOutcome Outcome, int ReportId, int Version);
