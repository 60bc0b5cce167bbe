using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator.Faults;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>Plays the model: reads the report in the prompt and answers in the requested format.</summary>
internal sealed class ContentGenerator(EmulatorLexicon lexicon, int seed)
{
    private readonly MeasurementFinder _measurements = new(lexicon);

    public string Generate(CompletionInput input, FaultPlan plan)
    {
        var schema = input.Format is { ValueKind: JsonValueKind.Object } s ? s : (JsonElement?)null;
        var jsonMode = schema is not null || input.Format is { ValueKind: JsonValueKind.String } f && f.GetString() == "json";
        var kind = schema is { } sc ? AnnotationKindDetector.FromSchema(sc) : AnnotationKind.None;
        if (kind == AnnotationKind.None)
        {
            kind = AnnotationKindDetector.FromPrompt(input.System);
        }
        var report = ReportText.Extract(input.LastUser);
        var analysis = new ReportReading(report, lexicon, _measurements, new Random(seed ^ Hash(report) ^ (int)kind));
        if (kind == AnnotationKind.None)
        {
            return GenerateUntyped(analysis, schema, jsonMode, plan, input.HasAssistantReply);
        }
        var content = kind switch
        {
            AnnotationKind.Highlight => HighlightGenerator.Generate(analysis),
            AnnotationKind.Classification => ClassificationGenerator.Generate(analysis),
            AnnotationKind.Extraction => ExtractionGenerator.Generate(analysis),
            _ => ScoringGenerator.Generate(analysis),
        };
        ContentFaults.Apply(content, kind, plan, analysis);
        return Serialize(schema is { } schemaElement ? new SchemaConformer(schemaElement).Conform(content) : content, plan, input.HasAssistantReply);
    }

    private static string GenerateUntyped(ReportReading a, JsonElement? schema, bool jsonMode, FaultPlan plan, bool hasAssistantReply)
    {
        var points = string.Join(a.Say("；", "; "), a.Content.Take(2).Select(c => c.Text));
        var text = a.Say($"这是模拟的回复。报告要点：{points}。", $"This is an emulated reply. Key points: {points}.");
        if (!jsonMode)
        {
            return text;
        }
        JsonNode? node = schema is { } s ? new SchemaConformer(s).Default(s) : new JsonObject { ["response"] = text };
        return Serialize(node, plan, hasAssistantReply);
    }

    private static string Serialize(JsonNode? content, FaultPlan plan, bool hasAssistantReply)
    {
        if (plan.SchemaViolation && content is not null)
        {
            content = ContentFaults.ViolateSchema(content);
        }
        var json = content?.ToJsonString(EmulatorJson.Content) ?? "null";
        var broken = plan.InvalidJson || (plan.InvalidJsonOnce && !hasAssistantReply);
        return broken ? ContentFaults.Break(json) : json;
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }
}
