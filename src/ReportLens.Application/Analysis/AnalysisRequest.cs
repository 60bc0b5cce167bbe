using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Analysis;

/// <summary>
/// One analysis to run. A null <see cref="Engine"/> lets the analyzer choose (hybrid when an LLM is reachable, else
/// rules). <see cref="OnReplyText"/>, when given, receives the model's reply as it streams (the UI shows it live);
/// the same call then yields the result, so the model runs once. <see cref="FewShot"/> null takes the stored example
/// set of the type and language (<see cref="IFewShotSource"/>); an empty set asks for zero-shot.
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
    FewShotSet? FewShot = null);
