using ReportLens.Core.Annotations;

namespace ReportLens.Server.Analysis;

/// <summary>The outcome of <see cref="AnalysisOptionsParser.Check"/>; the parsed values mean something only when <see cref="Errors"/> is empty.</summary>
public sealed record ParsedAnalysisOptions(
    AnnotationType Type,
    EngineKind? Engine,
    bool BypassCache,
    Dictionary<string, string[]> Errors);
