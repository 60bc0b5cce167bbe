using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Merging;

/// <summary>Findings, measurements and locations are paired like highlights; the impression is the LLM's when it gave one.</summary>
internal static class ExtractionMerger
{
    public static MergeResult Merge(ExtractionContent llm, ExtractionContent rules, CancellationToken ct)
    {
        var contradictions = new List<Contradiction>();
        var findings = ItemPairing.Merge(llm.FindingDetails, rules.FindingDetails, f => new(f.Grounding, f.Text),
            (l, r) => l.Negated == r.Negated,
            (f, source, agreed) => f with { Source = source, Agreed = agreed },
            // The LLM does not say which findings are abnormal; the rules do.
            (l, r) => l with { Abnormal = l.Abnormal || r.Abnormal, Uncertain = l.Uncertain || r.Uncertain },
            (l, r) =>
            {
                if (Contradicts(l, r) is { } kind)
                {
                    contradictions.Add(new Contradiction { Kind = kind, LlmText = l.Text, RulesText = r.Text, Start = l.Grounding?.Start, End = l.Grounding?.End });
                }
            },
            ct: ct);
        var measurements = ItemPairing.Merge(llm.Measurements, rules.Measurements, m => new(m.Grounding, m.Text ?? m.Value + m.Unit),
            (l, r) => TextNormalizer.Normalize(l.Value + l.Unit) == TextNormalizer.Normalize(r.Value + r.Unit),
            (m, source, agreed) => m with { Source = source, Agreed = agreed },
            (l, _) => l,
            (_, _) => { },
            ct: ct);
        var locations = ItemPairing.Merge(llm.LocationDetails, rules.LocationDetails, l => new(l.Grounding, l.Text),
            (_, _) => true,
            (l, source, agreed) => l with { Source = source, Agreed = agreed },
            (l, _) => l,
            (_, _) => { },
            ct: ct);

        var useLlmImpression = !string.IsNullOrWhiteSpace(llm.Impression);
        var content = new ExtractionContent
        {
            Findings = [.. findings.Items.Select(f => f.Text)],
            FindingDetails = findings.Items,
            Measurements = measurements.Items,
            Locations = [.. locations.Items.Select(l => l.Text)],
            LocationDetails = locations.Items,
            Impression = useLlmImpression ? llm.Impression : rules.Impression,
            ImpressionDetails = useLlmImpression ? llm.ImpressionDetails : rules.ImpressionDetails,
            // Devices come from the rules' lexicon; the LLM's extraction does not list them.
            Devices = llm.Devices.Count > 0 ? llm.Devices : rules.Devices,
        };
        var agreed = findings.Agreed + measurements.Agreed + locations.Agreed;
        var llmCount = llm.FindingDetails.Count + llm.Measurements.Count + llm.LocationDetails.Count;
        var rulesCount = rules.FindingDetails.Count + rules.Measurements.Count + rules.LocationDetails.Count;
        return new MergeResult(content, ItemPairing.Ratio(agreed, llmCount, rulesCount), contradictions);
    }

    // The LLM's extraction does not say which findings are abnormal (the prompt asks for "main findings"): whatever it
    // lists un-negated it asserts. The rules do say, so only their abnormal findings count against an LLM negation.
    private static string? Contradicts(Finding llm, Finding rules) =>
        !llm.Negated && rules.Negated ? Contradiction.LlmAbnormalRulesNegated
        : rules.Abnormal && !rules.Negated && llm.Negated ? Contradiction.RulesAbnormalLlmNegated
        : null;
}
