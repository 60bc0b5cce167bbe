namespace ReportLens.Application.Reviews;

/// <summary>
/// <see cref="Item"/> names the item as "list/index" ("highlights/0", "findings/2", "measurements/0", "locations/1",
/// "classifications/0", "scores/3") or "impression"; <see cref="Decision"/> is accept, reject or edit (with <see cref="Text"/>,
/// <see cref="Attributes"/> or both: a highlight's category and flags, a classification's category, a score's value).
/// </summary>
public sealed record ReviewItemRequest(string? Item, string? Decision, string? Text, ReviewAttributes? Attributes = null);
