using ReportLens.Core.Annotations;
using ReportLens.Data.Entities;

namespace ReportLens.Jobs.Control;

/// <summary>A job and how far it got: the body of GET /api/v1/jobs/{id} and of each progress event.</summary>
public sealed record JobProgress
{
    public long JobId { get; init; }
    public required JobStatus Status { get; init; }
    public required AnnotationType AnnotationType { get; init; }
    public required EngineKind Engine { get; init; }
    public string? Model { get; init; }
    public double? Temperature { get; init; }
    public string UserPrompt { get; init; } = "";
    public int Total { get; init; }
    public int Succeeded { get; init; }
    public int Failed { get; init; }
    public int Running { get; init; }
    public int Pending { get; init; }
    public int Cancelled { get; init; }
    public double ReportsPerMinute { get; init; }
    public double TokensPerSecond { get; init; }
    /// <summary>Tokens the job's fresh analyses cost so far (cache hits cost none); thinking only where the backend reports it apart.</summary>
    public long PromptTokens { get; init; }
    public long OutputTokens { get; init; }
    public long ThinkingTokens { get; init; }
    /// <summary>Seconds until the remaining items are done at the current rate; null before the first finishes.</summary>
    public double? EtaSeconds { get; init; }
    /// <summary>
    /// Before the job starts: its items × the mean seconds of the last 200 fresh analyses of the same type, engine and
    /// model (the measured rate of that model on this installation); null when none was measured or once it started.
    /// </summary>
    public double? ExpectedSeconds { get; init; }
    /// <summary>Once the job finished: how long it took from its start.</summary>
    public double? DurationSeconds { get; init; }
    public System.Text.Json.JsonElement? Filter { get; init; }
    public int? CreatedBy { get; init; }
    /// <summary>Set when the job runs an evaluation (GET /api/v1/evaluations/{id}); its items are gold reports.</summary>
    public long? EvaluationRunId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
