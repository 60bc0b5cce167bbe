using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Analysis;

/// <summary>
/// The analyze response existing clients read (annotation_id … duration_seconds), plus the engine, grounding, the evidence
/// behind the confidence, tokens and Ollama's timings, the prompt version, the cache, the job and the review.
/// </summary>
public sealed record AnnotationResponse
{
    public long? AnnotationId { get; init; }
    public int? ReportId { get; init; }
    public required AnnotationType AnnotationType { get; init; }
    public JsonElement? Content { get; init; }
    public double Confidence { get; init; }
    public required string ModelName { get; init; }
    public double ModelTemperature { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public double DurationSeconds { get; init; }
    public required EngineKind Engine { get; init; }
    public required AnnotationStatus Status { get; init; }
    public double? GroundedFraction { get; init; }
    public JsonElement? ConfidenceDetails { get; init; }
    public string? PromptVersion { get; init; }
    public string UserPrompt { get; init; } = "";
    public int? PromptEvalCount { get; init; }
    public int? EvalCount { get; init; }
    /// <summary>Reasoning tokens, where the backend reports them apart from eval_count (OpenAI-compatible usage).</summary>
    public int? ThinkingTokens { get; init; }
    public double? TokensPerSecond { get; init; }
    public AnnotationTimings? Timings { get; init; }
    public string? Backend { get; init; }
    public bool Cached { get; init; }
    public int SchemaRepairs { get; init; }
    public long? JobId { get; init; }
    public int? CreatedBy { get; init; }
    public string? Error { get; init; }
    public AnnotationReview? Review { get; init; }

    /// <summary>The content's lists were cut to <c>Analysis:MaxItemsPerAnnotation</c>.</summary>
    public bool Truncated { get; init; }

    public static AnnotationResponse From(Annotation a) => new()
    {
        AnnotationId = a.Id,
        ReportId = a.ReportId,
        AnnotationType = a.AnnotationType,
        Content = a.ContentJson is null ? null : JsonElement.Parse(a.ContentJson),
        Confidence = a.Confidence,
        ModelName = a.ModelName,
        ModelTemperature = a.ModelTemperature,
        CreatedAt = a.CreatedAt,
        DurationSeconds = a.DurationSeconds,
        Engine = a.Engine,
        Status = a.Status,
        GroundedFraction = a.GroundedFraction,
        ConfidenceDetails = a.ConfidenceJson is null ? null : JsonElement.Parse(a.ConfidenceJson),
        PromptVersion = a.PromptVersion,
        UserPrompt = a.UserPrompt,
        PromptEvalCount = a.PromptTokens,
        EvalCount = a.OutputTokens,
        ThinkingTokens = a.ThinkingTokens,
        TokensPerSecond = a.OutputTokens is { } n && a.EvalDurationNs is > 0 ? Math.Round(n / (a.EvalDurationNs.Value / 1e9), 1) : null,
        Timings = a.TotalDurationNs is null ? null : new AnnotationTimings(a.TotalDurationNs, a.LoadDurationNs, a.PromptEvalDurationNs, a.EvalDurationNs),
        Backend = a.Backend,
        Cached = a.Cached,
        SchemaRepairs = a.SchemaRepairs,
        JobId = a.JobId,
        CreatedBy = a.CreatedBy,
        Error = a.ErrorReason,
        Truncated = a.ContentJson is not null && a.ContentJson.Contains("\"truncated\":true", StringComparison.Ordinal),
        Review = a.ReviewStatus is null ? null : new AnnotationReview(
            a.ReviewStatus.Value, a.ReviewedBy, a.ReviewedAt,
            a.ReviewJson is null ? null : JsonElement.Parse(a.ReviewJson)),
    };
}
