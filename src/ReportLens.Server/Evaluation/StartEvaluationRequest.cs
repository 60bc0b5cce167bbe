namespace ReportLens.Server.Evaluation;

/// <summary>
/// POST /api/v1/evaluations: a gold set and the engines × models × prompt versions to score on it (as `reportlens eval
/// --engines --models`). <see cref="PromptVersions"/> names versions of GET /api/v1/evaluations/prompt-versions (or
/// "zero-shot" / "few-shot"); none: the version analyses use now.
/// </summary>
public sealed record StartEvaluationRequest(int? GoldSetId, IReadOnlyList<string>? Engines, IReadOnlyList<string>? Models, IReadOnlyList<string>? PromptVersions = null);
