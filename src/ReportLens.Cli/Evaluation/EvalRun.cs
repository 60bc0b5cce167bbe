using ReportLens.Core.Evaluation;

namespace ReportLens.Cli.Evaluation;

/// <summary>
/// One engine (and model, and prompt variant when eval compares them) scored on the gold set, with its figures
/// (intervals, per class); <see cref="Error"/> is set when the run could not be made.
/// </summary>
public sealed record EvalRun(string Engine, string Model, EvaluationReport? Report, string? Error = null, string? Prompt = null, EvaluationFigures? Figures = null)
{
    public string Label => Engine == "rules" ? "rules" : Prompt is null ? $"{Engine} · {Model}" : $"{Engine} · {Model} · {Prompt}";
}
