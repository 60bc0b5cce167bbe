using System.Text.Json.Serialization;

namespace ReportLens.Core.Annotations;

/// <summary>
/// The body of an annotation, in the original design's JSON shape for its type. Serialise with the runtime
/// type (<see cref="Json.ReportLensJson.SerializeContent"/>): there is no discriminator on the wire.
/// </summary>
public abstract record AnnotationContent
{
    [JsonIgnore]
    public abstract AnnotationType Type { get; }

    /// <summary>True when lists were cut to the configured most items per annotation (written only when true).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; init; }
}
