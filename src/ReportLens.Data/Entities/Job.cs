namespace ReportLens.Data.Entities;

/// <summary>A durable batch analysis: what to run on which reports, and how far it got.</summary>
public sealed class Job
{
    public long Id { get; set; }
    /// <summary>highlight, classification, extraction or scoring.</summary>
    public required string AnnotationType { get; set; }
    public string UserPrompt { get; set; } = "";
    /// <summary>llm, rules or hybrid: resolved when the job is created, so every item runs the same engine.</summary>
    public required string Engine { get; set; }
    public string? Model { get; set; }
    public double? Temperature { get; set; }
    public bool BypassCache { get; set; }
    /// <summary>One of <see cref="JobStatus"/>.</summary>
    public required string Status { get; set; }
    public int Total { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
    public int Cancelled { get; set; }
    public long PromptTokens { get; set; }
    public long OutputTokens { get; set; }
    /// <summary>The filter the items were selected with (null when the client listed report ids).</summary>
    public string? FilterJson { get; set; }
    public int? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
