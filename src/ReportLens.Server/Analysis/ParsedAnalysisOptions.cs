using ReportLens.Core.Annotations;

namespace ReportLens.Server.Analysis;

/// <summary>The outcome of <see cref="AnalysisOptionsParser.Check"/>; the parsed values mean something only when <see cref="Errors"/> is empty.</summary>
public sealed record ParsedAnalysisOptions(
    AnnotationType Type,
    string UserPrompt,
    EngineKind? Engine,
    bool BypassCache,
    Dictionary<string, string[]> Errors)
{
    /// <summary>The analysis of a stored report, as "analyse and record" takes it (model trimmed; prompt and temperature as sent).</summary>
    public AnalysisRequest ToRequest(IAnalysisOptions options, bool interactive = true, Func<string, Task>? onReplyText = null) =>
        AnalysisRequest.ForStoredReport(Type, UserPrompt, Engine, options.Model?.Trim(), options.Temperature, BypassCache, interactive, onReplyText);
}
