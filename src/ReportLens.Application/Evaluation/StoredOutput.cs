using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;

namespace ReportLens.Application.Evaluation;

/// <summary>A <see cref="GoldReportOutcome"/> as kept in evaluation_outputs (the gold report itself stays in its gold set).</summary>
internal sealed record StoredOutput(
    JsonElement? Highlights, JsonElement? Classification, JsonElement? Extraction,
    double LatencyMs, int? PromptTokens, int? CompletionTokens, IReadOnlyList<string> Errors)
{
    public static string Serialize(GoldReportOutcome outcome)
    {
        var input = outcome.Input;
        var stored = new StoredOutput(Element(input.Highlights), Element(input.Classification), Element(input.Extraction),
            input.LatencyMs, input.PromptTokens, input.CompletionTokens, outcome.Errors);
        return JsonSerializer.Serialize(stored, ReportLensJson.Options);
    }

    public static GoldReportOutcome Deserialize(string json, GoldReport gold)
    {
        var stored = JsonSerializer.Deserialize<StoredOutput>(json, ReportLensJson.Options)
            ?? throw new InvalidOperationException("an evaluation output is null");
        var input = new EvaluationInput
        {
            Gold = gold,
            Highlights = Content(AnnotationType.Highlight, stored.Highlights) as HighlightContent,
            Classification = Content(AnnotationType.Classification, stored.Classification) as ClassificationContent,
            Extraction = Content(AnnotationType.Extraction, stored.Extraction) as ExtractionContent,
            LatencyMs = stored.LatencyMs,
            PromptTokens = stored.PromptTokens,
            CompletionTokens = stored.CompletionTokens,
        };
        return new GoldReportOutcome(input, stored.Errors ?? []);
    }

    private static JsonElement? Element(AnnotationContent? content) => content is null ? null : ReportLensJson.ContentToElement(content);

    private static AnnotationContent? Content(AnnotationType type, JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } json ? ReportLensJson.DeserializeContent(type, json.GetRawText()) : null;
}
