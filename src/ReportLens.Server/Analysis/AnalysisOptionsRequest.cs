namespace ReportLens.Server.Analysis;

/// <summary>
/// The six analysis options of the analyze, analyze-text, batch and job bodies, with their rules: on the wire they stay
/// flat fields of each body (user_prompt, annotation_type, temperature, model, engine, cache), next to its own.
/// </summary>
public abstract record AnalysisOptionsRequest : IAnalysisOptions
{
    [AnalysisOption(AnalysisOption.UserPrompt)]
    public string? UserPrompt { get; init; }

    [AnalysisOption(AnalysisOption.AnnotationType)]
    public string? AnnotationType { get; init; }

    [AnalysisOption(AnalysisOption.Temperature)]
    public double? Temperature { get; init; }

    [AnalysisOption(AnalysisOption.Model)]
    public string? Model { get; init; }

    [AnalysisOption(AnalysisOption.Engine)]
    public string? Engine { get; init; }

    [AnalysisOption(AnalysisOption.Cache)]
    public string? Cache { get; init; }
}
