using ReportLens.Core.Evaluation;

namespace ReportLens.Application.Evaluation;

/// <summary>One planned run's figures (the numbers `reportlens eval` prints), or why it could not be made.</summary>
public sealed record EvaluationRunResult(string Engine, string Model, string? PromptVersion, string Label, string? Error, EvaluationFigures? Figures);
