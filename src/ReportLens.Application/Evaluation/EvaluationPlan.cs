using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Evaluation;

/// <summary>
/// Engines × models, as `reportlens eval --engines --models` and POST /api/v1/evaluations take them: rules once,
/// every LLM engine with every model, in the order given.
/// </summary>
public static class EvaluationPlan
{
    public const string Rules = "rules";

    public static IReadOnlyList<string> Engines { get; } = [Rules, "llm", "hybrid"];

    /// <summary>The runs, or the problem with the lists (field name and message) when they are not usable.</summary>
    public static (IReadOnlyList<PlannedRun> Runs, (string Field, string Message)? Problem) Make(IEnumerable<string> engines, IEnumerable<string> models)
    {
        var chosen = engines.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(e => !Engines.Contains(e)))
        {
            return ([], ("engines", "engines: a list of rules, llm, hybrid"));
        }

        var modelList = models.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (modelList.Count == 0 && chosen.Any(e => e != Rules))
        {
            return ([], ("models", "models: name at least one model for llm and hybrid"));
        }

        var version = PromptLibrary.Default.Version;
        return ([.. chosen.SelectMany(e => e == Rules
            ? [new PlannedRun(Rules, Rules, null)]
            : modelList.Select(m => new PlannedRun(e, m, version)))], null);
    }
}
