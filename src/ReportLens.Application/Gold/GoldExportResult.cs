using ReportLens.Core.Evaluation;

namespace ReportLens.Application.Gold;

/// <summary>The gold records of one export, in report order, the ids of their reports (same order), and its summary.</summary>
public sealed record GoldExportResult(IReadOnlyList<GoldReport> Records, IReadOnlyList<int> ReportIds, GoldExportSummary Summary);
