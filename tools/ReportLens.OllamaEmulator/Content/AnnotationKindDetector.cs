using System.Text.Json;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>Which annotation a request wants: from the schema's properties, else from the system prompt's wording.</summary>
internal static class AnnotationKindDetector
{
    public static AnnotationKind FromSchema(JsonElement schema)
    {
        var names = SchemaConformer.PropertyNames(schema);
        if (names.Contains("highlights"))
        {
            return AnnotationKind.Highlight;
        }
        if (names.Contains("classifications"))
        {
            return AnnotationKind.Classification;
        }
        if (names.Contains("scores") || names.Contains("overall_score"))
        {
            return AnnotationKind.Scoring;
        }
        return names.Contains("findings") || names.Contains("measurements") ? AnnotationKind.Extraction : AnnotationKind.None;
    }

    public static AnnotationKind FromPrompt(string? system)
    {
        if (string.IsNullOrWhiteSpace(system))
        {
            return AnnotationKind.None;
        }
        // JSON field names first: prompts quote their output shape; then the task words.
        (string[] Cues, AnnotationKind Kind)[] table =
        [
            (["\"highlights\""], AnnotationKind.Highlight),
            (["\"classifications\""], AnnotationKind.Classification),
            (["\"overall_score\"", "\"scores\""], AnnotationKind.Scoring),
            (["\"findings\"", "\"measurements\""], AnnotationKind.Extraction),
            (["高亮", "highlight"], AnnotationKind.Highlight),
            (["分类", "classif"], AnnotationKind.Classification),
            (["评分", "scoring", "score"], AnnotationKind.Scoring),
            (["提取", "extract"], AnnotationKind.Extraction),
        ];
        foreach (var (cues, kind) in table)
        {
            if (cues.Any(c => system.Contains(c, StringComparison.OrdinalIgnoreCase)))
            {
                return kind;
            }
        }
        return AnnotationKind.None;
    }
}
