namespace ReportLens.Server.Reports;

public sealed record ReportPage(IReadOnlyList<ReportSummary> Items, int Total, int Page, int PageSize);
