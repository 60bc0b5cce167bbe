using ReportLens.Core.Annotations;

namespace ReportLens.Server.Analysis;

/// <summary>
/// The one home of the analysis-option rules: request validation applies them through <see cref="AnalysisOptionAttribute"/>,
/// the web UI's forms through <see cref="AnalysisOptionsParser"/>. Messages name the snake_case field.
/// </summary>
public static class AnalysisOptionRules
{
    public const int MaxUserPromptCharacters = 4000;

    /// <summary>The error for <paramref name="value"/> of <paramref name="option"/>, or null when it is acceptable.</summary>
    public static string? Check(AnalysisOption option, object? value) => option switch
    {
        AnalysisOption.AnnotationType when !AnnotationTypes.TryParse(value as string, out _) =>
            $"annotation_type must be one of {string.Join(", ", AnnotationTypes.WireNames)}",
        AnalysisOption.UserPrompt when value is null => "user_prompt is required (it may be empty)",
        AnalysisOption.UserPrompt when value is string { Length: > MaxUserPromptCharacters } =>
            $"user_prompt must be at most {MaxUserPromptCharacters} characters",
        AnalysisOption.Temperature when value is double t && (t is < 0 or > 2 || double.IsNaN(t)) => "temperature must be between 0 and 2",
        AnalysisOption.Engine when value is string engine && !TryParseEngine(engine, out _) => "engine must be one of llm, rules, hybrid",
        AnalysisOption.Cache when value is string cache && !TryParseCache(cache, out _) => "cache must be 'use' or 'bypass'",
        AnalysisOption.Model when value is string model && !ModelNameRule.IsValid(model) =>
            $"model must be a model name such as qwen2.5:7b (name[:tag], letters, digits, '.', '_', '-', '/', at most {ModelNameRule.MaxLength} characters)",
        _ => null,
    };

    public static bool TryParseEngine(string engine, out EngineKind kind) =>
        Enum.TryParse(engine, ignoreCase: true, out kind) && !int.TryParse(engine, out _);

    /// <summary>"use" or "bypass" in any case; absent means "use".</summary>
    public static bool TryParseCache(string? cache, out bool bypass)
    {
        bypass = string.Equals(cache, "bypass", StringComparison.OrdinalIgnoreCase);
        return cache is null || bypass || string.Equals(cache, "use", StringComparison.OrdinalIgnoreCase);
    }
}
