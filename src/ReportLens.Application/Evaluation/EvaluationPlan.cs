using ReportLens.Application.Prompts;
using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Evaluation;

/// <summary>
/// Engines × models × prompt versions, as `reportlens eval --engines --models` and POST /api/v1/evaluations take
/// them: rules once, every LLM engine with every model and every prompt version, in the order given.
/// </summary>
public static class EvaluationPlan
{
    public const string Rules = "rules";

    public static IReadOnlyList<string> Engines { get; } = [Rules, "llm", "hybrid"];

    /// <summary>The runs with the library's own (zero-shot) prompt, or the problem with the lists (field name and message).</summary>
    public static (IReadOnlyList<PlannedRun> Runs, (string Field, string Message)? Problem) Make(IEnumerable<string> engines, IEnumerable<string> models) =>
        Make(engines, models, [new PromptVersionChoice(PromptLibrary.Default.Version, false, [])]);

    /// <summary>The runs, each LLM engine and model once per prompt version of <paramref name="prompts"/>.</summary>
    public static (IReadOnlyList<PlannedRun> Runs, (string Field, string Message)? Problem) Make(
        IEnumerable<string> engines, IEnumerable<string> models, IReadOnlyList<PromptVersionChoice> prompts)
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

        ArgumentOutOfRangeException.ThrowIfZero(prompts.Count);
        return ([.. chosen.SelectMany(e => e == Rules
            ? [new PlannedRun(Rules, Rules, null)]
            : modelList.SelectMany(m => prompts.Select(p => new PlannedRun(e, m, p.Version, p.FewShot))))], null);
    }

    /// <summary>
    /// The prompt versions named (by version or by name, zero-shot / few-shot) among those stored now; none named is
    /// the one analyses use today (few-shot when example sets are stored). An unknown one is a problem naming the field.
    /// </summary>
    public static (IReadOnlyList<PromptVersionChoice> Chosen, (string Field, string Message)? Problem) ChoosePrompts(
        IEnumerable<string>? requested, IReadOnlyList<PromptVersionChoice> stored)
    {
        var names = (requested ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return ([stored[^1]], null);
        }

        var chosen = new List<PromptVersionChoice>();
        foreach (var name in names)
        {
            if (stored.FirstOrDefault(c => c.Version == name || c.Name == name) is not { } choice)
            {
                return ([], ("prompt_versions", $"prompt_versions: '{name}' is not a stored prompt version (stored: {string.Join(", ", stored.Select(c => $"{c.Version} ({c.Name})"))})"));
            }

            if (!chosen.Contains(choice))
            {
                chosen.Add(choice);
            }
        }

        return (chosen, null);
    }
}
