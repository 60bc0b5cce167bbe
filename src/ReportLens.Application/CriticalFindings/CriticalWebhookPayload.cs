namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// The webhook body: ids, the critical.tsv term and category, and the evidence span's offsets — never report text,
/// so a receiver outside the hospital network learns no patient data; it reads the report through the API.
/// </summary>
public sealed record CriticalWebhookPayload(
    string Event,
    long CaseId,
    int ReportId,
    string? AccessionNumber,
    CriticalFindingTerm Finding,
    EvidenceSpan Evidence,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? EscalatedAt);
