using System.Globalization;
using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;

namespace ReportLens.Core.Interop;

/// <summary>Reads the annotation of a JSONL export line (see <see cref="ExportedAnnotation"/>) back for import.</summary>
public static class ExportedAnnotationLine
{
    public static IReadOnlyList<ImportedAnnotation> Read(JsonElement line)
    {
        // A type or engine this version does not know is left out, like a missing one: it could not be shown or reviewed.
        if (!WireNames.TryParse<AnnotationType>(JsonFields.String(line, "annotation_type"), out var type)
            || !WireNames.TryParse<EngineKind>(JsonFields.String(line, "engine"), out var engine)
            || !line.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var created = JsonFields.String(line, "created_at");
        return
        [
            new ImportedAnnotation
            {
                AnnotationType = type,
                Engine = engine,
                ModelName = JsonFields.String(line, "model_name") ?? "",
                Confidence = Number(line, "confidence") ?? 0,
                GroundedFraction = Number(line, "grounded_fraction"),
                CreatedAt = created is not null && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTimeOffset.UnixEpoch,
                ContentJson = content.GetRawText(),
            },
        ];
    }

    private static double? Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
