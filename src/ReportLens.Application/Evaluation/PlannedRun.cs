namespace ReportLens.Application.Evaluation;

/// <summary>One engine (and model) to score; <see cref="PromptVersion"/> is the prompt library version its LLM calls use (null for rules).</summary>
public sealed record PlannedRun(string Engine, string Model, string? PromptVersion)
{
    public string Label => Engine == EvaluationPlan.Rules ? EvaluationPlan.Rules : $"{Engine} · {Model}";
}
