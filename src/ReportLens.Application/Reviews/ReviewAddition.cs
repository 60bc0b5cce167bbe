namespace ReportLens.Application.Reviews;

/// <summary>
/// An item the engine missed, added by a reviewer from a selection of the report: <see cref="Text"/> is always the
/// report's text at [<see cref="Start"/>, <see cref="End"/>) in UTF-16 units, and at the code-point span.
/// </summary>
public sealed record ReviewAddition(
    int Id,
    string List,
    string Text,
    int Start,
    int End,
    int CodePointStart,
    int CodePointEnd,
    ReviewAttributes Attributes,
    int? AddedBy,
    string? Reviewer,
    DateTimeOffset AddedAt);
