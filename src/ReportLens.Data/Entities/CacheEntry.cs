using ReportLens.Core.Annotations;

namespace ReportLens.Data.Entities;

/// <summary>A stored analysis result, keyed by a hash of everything that decides it.</summary>
public sealed class CacheEntry
{
    public required string Key { get; set; }
    public required AnnotationType AnnotationType { get; set; }
    public required string ModelName { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastHitAt { get; set; }
    public long Hits { get; set; }
}
