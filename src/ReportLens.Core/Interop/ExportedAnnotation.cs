using System.Text.Json;
using ReportLens.Core.Annotations;

namespace ReportLens.Core.Interop;

/// <summary>One line of a JSONL export: an annotation with its content and the report it belongs to.</summary>
public sealed record ExportedAnnotation
{
    public long AnnotationId { get; init; }
    public required AnnotationType AnnotationType { get; init; }
    public required EngineKind Engine { get; init; }
    public string ModelName { get; init; } = "";
    public double Confidence { get; init; }
    public double? GroundedFraction { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonElement Content { get; init; }
    public required ExportedReport Report { get; init; }
}
