using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Core.Text;

namespace ReportLens.Core.Prompts.FewShot;

/// <summary>
/// The reply a gold record stands for, in the shape the type's schema and system prompt ask the model for: what a
/// few-shot example's assistant turn says. Scoring has no gold fields, so it has no examples.
/// </summary>
public static class GoldExampleAnswer
{
    public static bool Supports(AnnotationType type) => type is AnnotationType.Highlight or AnnotationType.Classification or AnnotationType.Extraction;

    public static string For(AnnotationType type, GoldReport gold) => type switch
    {
        AnnotationType.Highlight => Highlights(gold),
        AnnotationType.Classification => Classifications(gold),
        AnnotationType.Extraction => Extraction(gold),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "gold records make no examples for this annotation type"),
    };

    // Findings, measurements and locations in reading order, without offsets (the prompt asks for none).
    private static string Highlights(GoldReport gold)
    {
        var zh = LanguageDetector.TryParse(gold.Language, out var language) && language == ReportLanguage.Zh;
        var findings = GoldSpans.Locate(gold, gold.Findings).Zip(gold.Findings, (spans, f) => (At(spans), Item(f.Text, HighlightCategories.Abnormal,
            f.Negated ? (zh ? "阴性表现" : "negated finding") : f.Uncertain ? (zh ? "可疑表现" : "possible finding") : (zh ? "异常表现" : "abnormal finding"),
            f.Negated, f.Uncertain)));
        var measurements = GoldSpans.Locate(gold.Text, [.. gold.Measurements.Select(m => (m.Text, m.Start))])
            .Zip(gold.Measurements, (spans, m) => (At(spans), Item(m.Text, HighlightCategories.Measurement, zh ? "测量值" : "measurement", false, false)));
        var locations = GoldSpans.Locate(gold.Text, gold.Locations)
            .Zip(gold.Locations, (spans, l) => (At(spans), Item(l, HighlightCategories.Location, zh ? "解剖部位" : "anatomical location", false, false)));
        var items = findings.Concat(measurements).Concat(locations).OrderBy(i => i.Item1).Select(i => i.Item2);
        return Serialize(new { highlights = items });
    }

    private static object Item(string text, string category, string reason, bool negated, bool uncertain) =>
        new { text, category, reason, negated, uncertain };

    private static int At(List<(int Start, int End)> spans) => spans.Count == 0 ? int.MaxValue : spans[0].Start;

    private static string Classifications(GoldReport gold) => Serialize(new
    {
        classifications = ClassificationVocabulary.Dimensions.Select(d => new { dimension = d, category = Evaluator.Expected(gold, d), confidence = 0.9 }),
    });

    private static string Extraction(GoldReport gold)
    {
        var findings = new JsonArray([.. gold.Findings.Select(f => f.Negated ? new JsonObject { ["text"] = f.Text, ["negated"] = true }
            : f.Uncertain ? new JsonObject { ["text"] = f.Text, ["uncertain"] = true }
            : (JsonNode)JsonValue.Create(f.Text))]);
        return Serialize(new
        {
            findings,
            measurements = gold.Measurements.Select(m => new { item = string.IsNullOrWhiteSpace(m.Item) ? m.Text : m.Item, value = m.Value, unit = m.Unit, text = m.Text }),
            locations = gold.Locations,
            impression = gold.Impression ?? "",
        });
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, ReportLensJson.Options);
}
