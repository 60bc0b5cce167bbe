namespace ReportLens.Application.Gold;

/// <summary>
/// What a gold export wrote: records (one per report), items by kind (findings, measurements, locations, impressions,
/// classifications, scores), and what it left out, by reason (each reason counts annotations, or reports where it says so).
/// </summary>
public sealed record GoldExportSummary(int Reports, IReadOnlyDictionary<string, int> Items, IReadOnlyDictionary<string, int> Skipped, bool Deidentified);
