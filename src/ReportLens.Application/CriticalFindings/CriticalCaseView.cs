namespace ReportLens.Application.CriticalFindings;

/// <summary>A case as the API and the UI show it: ids, the finding, its evidence span, state and who closed it.</summary>
public sealed record CriticalCaseView(
    long Id,
    int ReportId,
    string? AccessionNumber,
    long AnnotationId,
    CriticalFindingTerm Finding,
    EvidenceSpan Evidence,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? EscalatedAt,
    int? ClosedBy,
    string? ClosedByName,
    DateTimeOffset? ClosedAt,
    string? Note);
