namespace ReportLens.Application.Reviews.Double;

/// <summary>Both reviewers' records of one annotation side by side (GET …/assignments/{annotationId}/comparison and the adjudication view).</summary>
public sealed record ReviewComparison(
    long AnnotationId,
    int ReportId,
    string State,
    IReadOnlyList<string> Reviewers,
    int Disagreements,
    IReadOnlyList<ComparisonRow> Rows);
