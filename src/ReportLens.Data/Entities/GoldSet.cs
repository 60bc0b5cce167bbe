namespace ReportLens.Data.Entities;

/// <summary>An uploaded gold file (docs/gold-format.md), validated on upload and kept as sent, for evaluation runs.</summary>
public sealed class GoldSet
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int ReportCount { get; set; }
    /// <summary>The JSONL as uploaded (blank lines dropped); every line parsed and checked.</summary>
    public required string Content { get; set; }
    public int? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
