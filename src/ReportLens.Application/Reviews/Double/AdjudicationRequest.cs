using ReportLens.Application.Validation;

namespace ReportLens.Application.Reviews.Double;

/// <summary>Body of POST /api/v1/reviews/assignments/{annotationId}/adjudication: one settlement per disputed item.</summary>
public sealed record AdjudicationRequest([NoNullItems(ErrorMessage = "items must not contain null")] IReadOnlyList<AdjudicationItem>? Items);
