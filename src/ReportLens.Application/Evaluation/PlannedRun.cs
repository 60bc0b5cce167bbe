namespace ReportLens.Application.Evaluation;

/// <summary>
/// One engine (and model, and prompt version) to score. <see cref="PromptVersion"/> is the prompt version its LLM
/// calls use (null for rules): the library's version for zero-shot, the stored example sets' version for
/// <see cref="FewShot"/> (docs/evaluation.md).
/// </summary>
public sealed record PlannedRun(string Engine, string Model, string? PromptVersion, bool FewShot = false)
{
    public string Label => Engine == EvaluationPlan.Rules ? EvaluationPlan.Rules : $"{Engine} · {Model}{(FewShot ? " · few-shot" : "")}";
}
