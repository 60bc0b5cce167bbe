namespace ReportLens.Application.Reviews;

/// <summary>
/// Body of POST /api/v1/annotations/{id}/review/additions: the selection's list (highlights; findings or locations),
/// UTF-16 span and text, optionally its code-point span (checked when given), and the item's attributes.
/// </summary>
public sealed record ReviewAdditionRequest(
    string? List,
    int? Start,
    int? End,
    string? Text,
    int? CodePointStart = null,
    int? CodePointEnd = null,
    ReviewAttributes? Attributes = null);
