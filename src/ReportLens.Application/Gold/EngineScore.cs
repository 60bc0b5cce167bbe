using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;

namespace ReportLens.Application.Gold;

/// <summary>One engine, model and prompt version scored against the settled reviews of the reports it annotated.</summary>
public sealed record EngineScore(EngineKind Engine, string ModelName, string PromptVersion, int Reports, EvaluationReport Scores);
