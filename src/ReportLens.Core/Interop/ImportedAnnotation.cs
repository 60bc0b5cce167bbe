using ReportLens.Core.Annotations;

namespace ReportLens.Core.Interop;

/// <summary>An annotation carried by an interchange file (ReportLens's own exports), with its content JSON as stored.</summary>
public sealed record ImportedAnnotation
{
    public required AnnotationType AnnotationType { get; init; }
    public required EngineKind Engine { get; init; }
    public string ModelName { get; init; } = "";
    public double Confidence { get; init; }
    public double? GroundedFraction { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string ContentJson { get; init; }
}
