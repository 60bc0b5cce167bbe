using System.Text.Json.Serialization;

namespace ReportLens.Application.Reviews;

/// <summary>
/// The settled review of one annotation as stored in Annotation.ReviewJson: decisions keyed by item path, and the items
/// reviewers added. A double-reviewed annotation gets its record when it is adjudicated, and names who settled it.
/// </summary>
public sealed record ReviewRecord(
    IReadOnlyDictionary<string, ReviewDecision> Items,
    IReadOnlyList<ReviewAddition>? Added = null,
    string? AdjudicatedBy = null,
    DateTimeOffset? AdjudicatedAt = null)
{
    [JsonIgnore]
    public IReadOnlyList<ReviewAddition> AddedItems => Added ?? [];

    [JsonIgnore]
    public bool IsAdjudicated => AdjudicatedAt is not null;
}
