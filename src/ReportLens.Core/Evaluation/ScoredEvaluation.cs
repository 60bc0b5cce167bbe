namespace ReportLens.Core.Evaluation;

/// <summary>A run's full report and the figures drawn from it (<see cref="Evaluator.Score"/>).</summary>
public sealed record ScoredEvaluation(EvaluationReport Report, EvaluationFigures Figures);
