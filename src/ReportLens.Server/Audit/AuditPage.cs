namespace ReportLens.Server.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, int Total, int Page, int PageSize);
