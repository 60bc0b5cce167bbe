using ReportLens.Application.Validation;

namespace ReportLens.Application.Reviews;

/// <summary>Body of POST /api/v1/annotations/{id}/review: one decision per item; earlier decisions on other items stay.</summary>
public sealed record ReviewRequest([NoNullItems(ErrorMessage = "items must not contain null")] IReadOnlyList<ReviewItemRequest>? Items);
