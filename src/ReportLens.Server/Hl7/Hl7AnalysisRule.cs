using ReportLens.Core.Annotations;

namespace ReportLens.Server.Hl7;

/// <summary>
/// What an arriving report of a modality and/or body part is analysed with: annotation types (comma-separated wire
/// names; empty means none) and an engine (empty: the server's default). Blank modality/body part match any.
/// </summary>
public sealed class Hl7AnalysisRule
{
    public string? Modality { get; set; }
    public string? BodyPart { get; set; }
    public string Types { get; set; } = "";
    public string? Engine { get; set; }

    public bool Matches(string? modality, string? bodyPart) =>
        Same(Modality, modality) && Same(BodyPart, bodyPart);

    public IReadOnlyList<AnnotationType> ParsedTypes() =>
        [.. Split(Types).Select(t => AnnotationTypes.TryParse(t, out var type) ? type : (AnnotationType?)null).OfType<AnnotationType>().Distinct()];

    public EngineKind? ParsedEngine() =>
        string.IsNullOrWhiteSpace(Engine) ? null : Enum.TryParse<EngineKind>(Engine.Trim(), ignoreCase: true, out var engine) ? engine : null;

    public IEnumerable<string> Problems(string name)
    {
        foreach (var type in Split(Types).Where(t => !AnnotationTypes.TryParse(t, out _)))
        {
            yield return $"{name}:Types has '{type}'; use {string.Join(", ", AnnotationTypes.WireNames)}";
        }

        if (!string.IsNullOrWhiteSpace(Engine) && ParsedEngine() is null)
        {
            yield return $"{name}:Engine '{Engine}' must be llm, rules or hybrid";
        }
    }

    private static bool Same(string? rule, string? value) =>
        string.IsNullOrWhiteSpace(rule) || string.Equals(rule.Trim(), value?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
