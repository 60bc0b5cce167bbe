using ReportLens.Core.Annotations;

namespace ReportLens.Data.Entities;

/// <summary>A durable batch analysis: what to run on which reports, and how far it got.</summary>
public sealed class Job
{
    public long Id { get; set; }
    public required AnnotationType AnnotationType { get; set; }
    public string UserPrompt { get; set; } = "";
    /// <summary>Resolved when the job is created, so every item runs the same engine.</summary>
    public required EngineKind Engine { get; set; }
    public string? Model { get; set; }
    public double? Temperature { get; set; }
    public bool BypassCache { get; set; }
    public required JobStatus Status { get; set; }
    public int Total { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
    public int Cancelled { get; set; }
    public long PromptTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ThinkingTokens { get; set; }
    /// <summary>The filter the items were selected with (null when the client listed report ids).</summary>
    public string? FilterJson { get; set; }
    public int? CreatedBy { get; set; }
    /// <summary>Set for an evaluation run's job: its items are the gold set's reports (ReportId = index in the set), not stored reports.</summary>
    public long? EvaluationRunId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
