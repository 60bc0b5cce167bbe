using ReportLens.Core.Json;

namespace ReportLens.Core.Annotations;

/// <summary>Wire names of <see cref="AnnotationType"/> ("highlight", …) and parsing of them.</summary>
public static class AnnotationTypes
{
    public static readonly IReadOnlyList<string> WireNames = Json.WireNames.Of<AnnotationType>();

    public static string ToWire(this AnnotationType type) => type.WireName();

    public static bool TryParse(string? value, out AnnotationType type) => Json.WireNames.TryParse(value, out type);
}
