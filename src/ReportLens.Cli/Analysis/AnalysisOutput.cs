using System.Text.Json;
using ReportLens.Core.Annotations;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// What `analyze` prints (one JSON object, or one JSONL line per report): the server's annotation fields, so the
/// same reader takes either. <see cref="Id"/> is the input id in batch mode; <see cref="Error"/> marks a failed item.
/// </summary>
public sealed record AnalysisOutput
{
    public string? Id { get; init; }
    public long? AnnotationId { get; init; }
    public int? ReportId { get; init; }
    public AnnotationType? AnnotationType { get; init; }
    public EngineKind? Engine { get; init; }
    public string? ModelName { get; init; }
    public double Confidence { get; init; }
    public double? GroundedFraction { get; init; }
    public double DurationSeconds { get; init; }
    public int? PromptEvalCount { get; init; }
    public int? EvalCount { get; init; }
    public double? TokensPerSecond { get; init; }
    public int SchemaRepairs { get; init; }
    public JsonElement? Content { get; init; }
    public string? Error { get; init; }

    public static AnalysisOutput Failed(string? id, string error) => new() { Id = id, Error = error };
}
