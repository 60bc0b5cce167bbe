using System.Globalization;
using System.Text.Json;
using ReportLens.Core.Annotations;

namespace ReportLens.Llm.Schemas;

/// <summary>
/// Turns a schema-valid reply into the Core content records. Offsets the model gives are kept as it gave them;
/// the server's grounding step re-locates every quote in the report and is the only source of truth for spans.
/// </summary>
internal static class ReplyParser
{
    public static AnnotationContent Parse(AnnotationType type, JsonElement root) => type switch
    {
        AnnotationType.Highlight => new HighlightContent { Highlights = [.. Items(root, "highlights").Select(ParseHighlight)] },
        AnnotationType.Classification => new ClassificationContent { Classifications = [.. Items(root, "classifications").Select(ParseClassification)] },
        AnnotationType.Extraction => ParseExtraction(root),
        AnnotationType.Scoring => new ScoringContent
        {
            Scores = [.. Items(root, "scores").Select(ParseScore)],
            OverallScore = root.GetProperty("overall_score").GetInt32(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static HighlightItem ParseHighlight(JsonElement e) => new()
    {
        Text = e.GetProperty("text").GetString()!,
        Category = e.GetProperty("category").GetString()!,
        Start = Int(e, "start") ?? 0,
        End = Int(e, "end") ?? 0,
        Reason = String(e, "reason") ?? "",
        Negated = Bool(e, "negated"),
        Uncertain = Bool(e, "uncertain"),
        Source = "llm",
    };

    private static ClassificationItem ParseClassification(JsonElement e) => new()
    {
        Dimension = e.GetProperty("dimension").GetString()!,
        Category = e.GetProperty("category").GetString()!,
        Confidence = e.GetProperty("confidence").GetDouble(),
        Evidence = String(e, "evidence"),
    };

    private static ScoreItem ParseScore(JsonElement e) => new()
    {
        Dimension = e.GetProperty("dimension").GetString()!,
        Score = e.GetProperty("score").GetInt32(),
        MaxScore = e.GetProperty("max_score").GetInt32(),
        Reason = String(e, "reason") ?? "",
    };

    private static ExtractionContent ParseExtraction(JsonElement root)
    {
        var findings = Items(root, "findings").Select(f => f.ValueKind == JsonValueKind.String
            ? new Finding { Text = f.GetString()! }
            : new Finding { Text = f.GetProperty("text").GetString()!, Negated = Bool(f, "negated"), Uncertain = Bool(f, "uncertain") })
            .ToList();
        return new ExtractionContent
        {
            Findings = [.. findings.Select(f => f.Text)],
            // Only what the model stated (negation, uncertainty); grounding and "abnormal" come from the server.
            FindingDetails = findings.Any(f => f.Negated || f.Uncertain) ? findings : [],
            Measurements = [.. Items(root, "measurements").Select(ParseMeasurement)],
            Locations = [.. Items(root, "locations").Select(l => l.GetString()!)],
            Impression = String(root, "impression") ?? "",
        };
    }

    private static Measurement ParseMeasurement(JsonElement e)
    {
        var value = e.GetProperty("value");
        return new Measurement
        {
            Item = e.GetProperty("item").GetString()!,
            Value = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(),
            Unit = String(e, "unit") ?? "",
            Text = String(e, "text"),
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
