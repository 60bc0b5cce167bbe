namespace ReportLens.Application.CriticalFindings;

public sealed record CriticalCasePage(IReadOnlyList<CriticalCaseView> Items, int Total, int Page, int PageSize);
