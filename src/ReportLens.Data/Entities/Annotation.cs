using ReportLens.Core.Annotations;

namespace ReportLens.Data.Entities;

/// <summary>One analysis of one report: what ran, with which prompt and options, what it cost, what it found.</summary>
public sealed class Annotation
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public long? JobId { get; set; }
    public long? JobItemId { get; set; }
    public required AnnotationType AnnotationType { get; set; }
    public required EngineKind Engine { get; set; }
    public required AnnotationStatus Status { get; set; }
    /// <summary>The content JSON in the wire shape of the type's *Content record, snake_case (null when failed).</summary>
    public string? ContentJson { get; set; }
    public string UserPrompt { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string ModelName { get; set; } = "";
    public double ModelTemperature { get; set; }
    public string? OptionsJson { get; set; }
    public string? Backend { get; set; }
    public double Confidence { get; set; }
    public string? ConfidenceJson { get; set; }
    public double? GroundedFraction { get; set; }
    public int? PromptTokens { get; set; }
    public int? OutputTokens { get; set; }
    /// <summary>Reasoning tokens, when the backend reports them apart (OpenAI-compatible usage); Ollama counts them in OutputTokens.</summary>
    public int? ThinkingTokens { get; set; }
    public long? TotalDurationNs { get; set; }
    public long? LoadDurationNs { get; set; }
    public long? PromptEvalDurationNs { get; set; }
    public long? EvalDurationNs { get; set; }
    public double DurationSeconds { get; set; }
    public bool Cached { get; set; }
    public int SchemaRepairs { get; set; }
    public string? ErrorReason { get; set; }
    /// <summary>The model's raw reply when it could not be used: kept for audit, never logged.</summary>
    public string? RawReply { get; set; }
    public int? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>null when not reviewed.</summary>
    public ReviewStatus? ReviewStatus { get; set; }
    public string? ReviewJson { get; set; }
    public int? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
