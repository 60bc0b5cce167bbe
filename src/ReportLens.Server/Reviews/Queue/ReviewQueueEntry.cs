using ReportLens.Application.Reviews;
namespace ReportLens.Server.Reviews.Queue;

/// <summary>
/// One annotation waiting for a reviewer. <see cref="Reasons"/> says why it stands where it does: low_confidence,
/// disagreement (the rules and llm annotations of the same report and type disagree), critical (危急), or none.
/// <see cref="DoubleReview"/> is the state of its double review (in_review, needs_adjudication), null when it has none.
/// </summary>
public sealed record ReviewQueueEntry(
    long AnnotationId,
    int ReportId,
    string? AccessionNumber,
    string? Modality,
    string AnnotationType,
    string Engine,
    string ModelName,
    string PromptVersion,
    double Confidence,
    IReadOnlyList<string> Reasons,
    int Pending,
    int Total,
    string? DoubleReview = null);
