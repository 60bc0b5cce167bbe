using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator.Faults;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>The content faults: spans a model gets wrong, JSON it breaks.</summary>
internal static class ContentFaults
{
    private const int OffsetShift = 3;

    public static void Apply(JsonObject content, AnnotationKind kind, FaultPlan plan, ReportReading a)
    {
        if (plan.WrongOffsets && content["highlights"] is JsonArray shifted)
        {
            foreach (var item in shifted.OfType<JsonObject>())
            {
                var start = item["start"]!.GetValue<int>();
                var end = item["end"]!.GetValue<int>();
                var shift = end + OffsetShift <= a.Report.Length ? OffsetShift : -Math.Min(OffsetShift, start);
                item["start"] = start + shift;
                item["end"] = end + shift;
            }
        }
        if (plan.HallucinatedSpan)
        {
            AddHallucination(content, kind, a);
        }
    }

    /// <summary>Valid JSON that breaks the schema: every top-level member becomes the string "n/a".</summary>
    public static JsonNode ViolateSchema(JsonNode content)
    {
        if (content is not JsonObject obj || obj.Count == 0)
        {
            return new JsonObject { ["unexpected"] = "n/a" };
        }
        var broken = new JsonObject();
        foreach (var (name, _) in obj)
        {
            broken[name] = "n/a";
        }
        return broken;
    }

    /// <summary>Cut two thirds in: an unterminated object is never valid JSON.</summary>
    public static string Break(string json) => json.Length < 3 ? "{" : json[..(json.Length * 2 / 3)];

    private static void AddHallucination(JsonObject content, AnnotationKind kind, ReportReading a)
    {
        var text = a.Hallucination;
        switch (kind)
        {
            case AnnotationKind.Highlight when content["highlights"] is JsonArray items:
                var start = Math.Max(0, a.Report.Length / 2);
                items.Add(HighlightGenerator.Item(text, "abnormal", start, start + text.Length, a.Say("异常发现", "abnormal finding")));
                break;
            case AnnotationKind.Extraction when content["findings"] is JsonArray findings:
                findings.Add(text);
                break;
            case AnnotationKind.Classification when content["classifications"] is JsonArray classes && classes.Count > 0:
                classes[0]!["evidence"] = text;
                break;
            case AnnotationKind.Scoring when content["scores"] is JsonArray scores && scores.Count > 0:
                scores[0]!["reason"] = text;
                break;
        }
    }
}
