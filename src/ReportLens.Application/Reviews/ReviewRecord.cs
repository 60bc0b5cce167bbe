using System.Text.Json.Serialization;

namespace ReportLens.Application.Reviews;

/// <summary>The review of one annotation as stored in Annotation.ReviewJson: decisions keyed by item path, and the items reviewers added.</summary>
public sealed record ReviewRecord(IReadOnlyDictionary<string, ReviewDecision> Items, IReadOnlyList<ReviewAddition>? Added = null)
{
    [JsonIgnore]
    public IReadOnlyList<ReviewAddition> AddedItems => Added ?? [];
}
