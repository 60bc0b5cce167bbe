using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

internal static class HighlightMerger
{
    public static MergeResult Merge(HighlightContent llm, HighlightContent rules, CancellationToken ct)
    {
        var contradictions = new List<Contradiction>();
        var (merged, agreed) = ItemPairing.Merge(
            llm.Highlights,
            rules.Highlights,
            Key,
            agree: (l, r) => l.Negated == r.Negated,
            mark: (item, source, isAgreed) => item with { Source = source, Agreed = isAgreed },
            combine: (l, r) => l with { Uncertain = l.Uncertain || r.Uncertain },
            onPair: (l, r) =>
            {
                if (Contradicts(l, r) is { } kind)
                {
                    contradictions.Add(new Contradiction { Kind = kind, LlmText = l.Text, RulesText = r.Text, Start = l.Grounding?.Start, End = l.Grounding?.End });
                }
            },
            compatible: Compatible,
            ct: ct);
        var ordered = merged.OrderBy(h => h.Grounding is { Ungrounded: false } ? 0 : 1).ThenBy(h => h.Start).ThenBy(h => h.End).ToList();
        return new MergeResult(llm with { Highlights = ordered }, ItemPairing.Ratio(agreed, llm.Highlights.Count, rules.Highlights.Count), contradictions);
    }

    /// <summary>An asserted abnormality (abnormal or diagnosis, not negated) against a negated item at the same place.</summary>
    internal static string? Contradicts(HighlightItem llm, HighlightItem rules) =>
        Asserts(llm) && rules.Negated ? Contradiction.LlmAbnormalRulesNegated
        : Asserts(rules) && llm.Negated ? Contradiction.RulesAbnormalLlmNegated
        : null;

    private static bool Asserts(HighlightItem item) =>
        !item.Negated && item.Category is HighlightCategories.Abnormal or HighlightCategories.Diagnosis;

    private static ItemPairing.Key Key(HighlightItem item) => new(item.Grounding, item.Text);

    // Places and measurements pair only with their own kind; an abnormality and a diagnosis name the same thing.
    private static bool Compatible(HighlightItem l, HighlightItem r) =>
        l.Category == r.Category || (IsFinding(l.Category) && IsFinding(r.Category));

    private static bool IsFinding(string category) => category is HighlightCategories.Abnormal or HighlightCategories.Diagnosis;
}
