namespace ReportLens.Server.Evaluation;

/// <summary>POST /api/v1/evaluations: a gold set and the engines × models to score on it (as `reportlens eval --engines --models`).</summary>
public sealed record StartEvaluationRequest(int? GoldSetId, IReadOnlyList<string>? Engines, IReadOnlyList<string>? Models);
