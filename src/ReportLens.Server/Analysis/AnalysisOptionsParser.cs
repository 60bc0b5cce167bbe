using ReportLens.Core.Annotations;

namespace ReportLens.Server.Analysis;

/// <summary>Checks the fields every analysis request shares (the API and the web UI); errors are keyed by their snake_case names.</summary>
public static class AnalysisOptionsParser
{
    public const int MaxUserPromptCharacters = 4000;

    public static ParsedAnalysisOptions Check(IAnalysisOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AnnotationTypes.TryParse(options.AnnotationType, out var type))
        {
            errors["annotation_type"] = [$"annotation_type must be one of {string.Join(", ", AnnotationTypes.WireNames)}"];
        }

        var userPrompt = options.UserPrompt;
        if (userPrompt is null)
        {
            errors["user_prompt"] = ["user_prompt is required (it may be empty)"];
        }
        else if (userPrompt.Length > MaxUserPromptCharacters)
        {
            errors["user_prompt"] = [$"user_prompt must be at most {MaxUserPromptCharacters} characters"];
        }

        var temperature = options.Temperature;
        if (temperature is < 0 or > 2 || (temperature is { } t && double.IsNaN(t)))
        {
            errors["temperature"] = ["temperature must be between 0 and 2"];
        }

        EngineKind? engineKind = null;
        var engine = options.Engine;
        if (engine is not null)
        {
            if (Enum.TryParse<EngineKind>(engine, ignoreCase: true, out var parsed) && !int.TryParse(engine, out _))
            {
                engineKind = parsed;
            }
            else
            {
                errors["engine"] = ["engine must be one of llm, rules, hybrid"];
            }
        }

        var cache = options.Cache;
        var bypassCache = string.Equals(cache, "bypass", StringComparison.OrdinalIgnoreCase);
        if (cache is not null && !bypassCache && !string.Equals(cache, "use", StringComparison.OrdinalIgnoreCase))
        {
            errors["cache"] = ["cache must be 'use' or 'bypass'"];
        }

        var model = options.Model;
        if (model is not null && !ModelNameRule.IsValid(model))
        {
            errors["model"] = [$"model must be a model name such as qwen2.5:7b (name[:tag], letters, digits, '.', '_', '-', '/', at most {ModelNameRule.MaxLength} characters)"];
        }

        return new ParsedAnalysisOptions(type, engineKind, bypassCache, errors);
    }
}
