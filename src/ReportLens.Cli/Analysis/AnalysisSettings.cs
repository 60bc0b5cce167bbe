using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// What to run: annotation type, engine (null: the analyzer's default), model, user prompt, temperature, and the
/// few-shot examples (null: the analyzer's choice; only a local analysis takes a set).
/// </summary>
public sealed record AnalysisSettings(AnnotationType Type, EngineKind? Engine, string? Model, string Prompt, double? Temperature, FewShotSet? FewShot = null)
{
    public string? EngineWire => Engine?.WireName();
}
