namespace ReportLens.Server.Reviews;

/// <summary>The review of one annotation as stored in Annotation.ReviewJson: decisions keyed by item path.</summary>
public sealed record ReviewRecord(IReadOnlyDictionary<string, ReviewDecision> Items);
