using ReportLens.Data.Entities;

namespace ReportLens.Jobs.Control;

/// <summary>One item as GET /api/v1/jobs/{id}/items shows it, with its last error.</summary>
public sealed record JobItemView(
    long ItemId,
    int ReportId,
    JobItemState State,
    int Attempts,
    string? LastError,
    long? AnnotationId,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
