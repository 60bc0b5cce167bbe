using System.Text.Json.Serialization;

namespace ReportLens.Application.Reviews;

/// <summary>
/// A reviewer's correction of an item beyond its text, or the attributes of an item the reviewer adds: the highlight
/// category or the classification's corrected category, the finding's flags, laterality (left, right, bilateral),
/// severity (mild, moderate, severe), and a score's corrected value. Null means "not changed" (or "not stated").
/// </summary>
public sealed record ReviewAttributes(
    string? Category = null,
    bool? Negated = null,
    bool? Uncertain = null,
    string? Laterality = null,
    string? Severity = null,
    int? Score = null)
{
    [JsonIgnore]
    public bool IsEmpty => this == new ReviewAttributes();
}
