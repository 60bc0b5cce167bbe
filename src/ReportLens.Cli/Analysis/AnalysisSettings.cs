using ReportLens.Core.Annotations;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Analysis;

/// <summary>What to run: annotation type, engine (null: the analyzer's default), model, user prompt, temperature.</summary>
public sealed record AnalysisSettings(AnnotationType Type, EngineKind? Engine, string? Model, string Prompt, double? Temperature)
{
    public string? EngineWire => Engine?.WireName();
}
