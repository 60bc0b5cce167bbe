using System.ComponentModel.DataAnnotations;
using ReportLens.Application.Validation;

namespace ReportLens.Server.Evaluation;

/// <summary>
/// POST /api/v1/evaluations: a gold set and the engines × models × prompt versions to score on it (as `reportlens eval
/// --engines --models`). <see cref="PromptVersions"/> names versions of GET /api/v1/evaluations/prompt-versions (or
/// "zero-shot" / "few-shot"); none: the version analyses use now. Which engines, models and versions make a plan is
/// checked by EvaluationPlan, the home the Evaluation page and the CLI use too.
/// </summary>
public sealed record StartEvaluationRequest(
    // Left out, gold_set_id reads as 0, which the range refuses: one rule and one message for both.
    [Range(1, int.MaxValue, ErrorMessage = StartEvaluationRequest.GoldSetIdMessage)] int GoldSetId,
    [NoNullItems(ErrorMessage = "engines must not contain null")] IReadOnlyList<string>? Engines,
    [NoNullItems(ErrorMessage = "models must not contain null")] IReadOnlyList<string>? Models,
    [NoNullItems(ErrorMessage = "prompt_versions must not contain null")] IReadOnlyList<string>? PromptVersions = null)
{
    private const string GoldSetIdMessage = "gold_set_id is required and must be a positive integer";
}
