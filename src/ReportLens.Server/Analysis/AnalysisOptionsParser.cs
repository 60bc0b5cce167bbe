using ReportLens.Core.Annotations;

namespace ReportLens.Server.Analysis;

/// <summary>
/// Turns the fields every analysis request shares into typed values. The API's requests arrive already validated
/// (<see cref="AnalysisOptionAttribute"/>); the web UI's forms are checked here, by the same rules, keyed by snake_case name.
/// </summary>
public static class AnalysisOptionsParser
{
    public static ParsedAnalysisOptions Check(IAnalysisOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "annotation_type", AnalysisOption.AnnotationType, options.AnnotationType);
        Add(errors, "user_prompt", AnalysisOption.UserPrompt, options.UserPrompt);
        Add(errors, "temperature", AnalysisOption.Temperature, options.Temperature);
        Add(errors, "engine", AnalysisOption.Engine, options.Engine);
        Add(errors, "cache", AnalysisOption.Cache, options.Cache);
        Add(errors, "model", AnalysisOption.Model, options.Model);

        AnnotationTypes.TryParse(options.AnnotationType, out var type);
        EngineKind? engine = options.Engine is { } name && AnalysisOptionRules.TryParseEngine(name, out var kind) ? kind : null;
        AnalysisOptionRules.TryParseCache(options.Cache, out var bypassCache);
        return new ParsedAnalysisOptions(type, options.UserPrompt ?? "", engine, bypassCache, errors);
    }

    private static void Add(Dictionary<string, string[]> errors, string field, AnalysisOption option, object? value)
    {
        if (AnalysisOptionRules.Check(option, value) is { } error)
        {
            errors[field] = [error];
        }
    }
}
