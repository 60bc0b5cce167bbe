using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;
using ReportLens.Core.Text;

namespace ReportLens.Core.Annotations;

/// <summary>
/// One analysis, from the door that asks for it to the LLM annotator: each hop fills in what it decides and passes
/// the same record on. A stored report's <see cref="ReportText"/> and <see cref="Language"/> are filled in by the
/// use case that loads it (<see cref="ForStoredReport"/>); null <see cref="Engine"/>, <see cref="Model"/>,
/// <see cref="Temperature"/> and <see cref="FewShot"/> take the defaults, resolved once before the cache lookup.
/// <see cref="OnReplyText"/>, when given, receives the model's reply as it streams (the UI shows it live); the same
/// call then yields the result, so the model runs once. <see cref="FewShot"/>: an empty set asks for zero-shot.
/// <see cref="Interactive"/> false queues the LLM call behind interactive ones; <see cref="BypassCache"/> runs the
/// engines even when the result cache holds the answer (the fresh result then replaces it).
/// </summary>
public sealed record AnalysisRequest(
    string ReportText,
    ReportLanguage Language,
    AnnotationType Type,
    string UserPrompt,
    EngineKind? Engine = null,
    string? Model = null,
    double? Temperature = null,
    bool Interactive = true,
    Func<string, Task>? OnReplyText = null,
    FewShotSet? FewShot = null,
    bool BypassCache = false)
{
    /// <summary>The analysis of a stored report, as a door asks for it: the report's text and language are not known yet.</summary>
    public static AnalysisRequest ForStoredReport(
        AnnotationType type, string userPrompt, EngineKind? engine = null, string? model = null, double? temperature = null,
        bool bypassCache = false, bool interactive = true, Func<string, Task>? onReplyText = null) =>
        new("", default, type, userPrompt, engine, model, temperature, interactive, onReplyText, BypassCache: bypassCache);
}
