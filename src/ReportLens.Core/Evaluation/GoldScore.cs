namespace ReportLens.Core.Evaluation;

/// <summary>A reviewed score of one scoring dimension (exported gold only; the evaluator does not score it).</summary>
public sealed record GoldScore(string Dimension, int Score, int MaxScore);
