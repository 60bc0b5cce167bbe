using ReportLens.Application.Analysis;
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
    /// <summary>The "analyse and record" command for a stored report (model trimmed; prompt and temperature as sent).</summary>
    public AnalyseReportCommand ToCommand(int reportId, IAnalysisOptions options, bool interactive = true, Func<string, Task>? onReplyText = null) =>
        new(reportId, Type, UserPrompt, Engine, options.Model?.Trim(), options.Temperature, BypassCache, interactive, onReplyText);
}
