using ReportLens.Core.Annotations;

namespace ReportLens.Application.Analysis;

/// <summary>
/// "Analyse stored report <see cref="ReportId"/> and record it", as every door asks for it. Null engine, model and
/// temperature take the defaults (resolved once, in <see cref="AnalysisService"/>). <see cref="OnReplyText"/>
/// receives the model's reply as it streams (the web UI shows it live); the same call is then stored.
/// </summary>
public sealed record AnalyseReportCommand(
    int ReportId,
    AnnotationType Type,
    string UserPrompt,
    EngineKind? Engine = null,
    string? Model = null,
    double? Temperature = null,
    bool BypassCache = false,
    bool Interactive = true,
    Func<string, Task>? OnReplyText = null);
