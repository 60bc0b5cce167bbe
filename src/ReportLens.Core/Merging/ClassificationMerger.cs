using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// Per dimension: equal categories agree. On disagreement safety decides where it can — the more severe 紧急程度,
/// 是 over 否 for 是否需要随访/是否需要进一步检查 — and the LLM's answer otherwise.
/// </summary>
internal static class ClassificationMerger
{
    public static MergeResult Merge(ClassificationContent llm, ClassificationContent rules)
    {
        var dimensions = llm.Classifications.Select(c => c.Dimension)
            .Concat(rules.Classifications.Select(c => c.Dimension))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var merged = new List<ClassificationItem>();
        var agreed = 0;
        foreach (var dimension in dimensions)
        {
            var l = llm.Classifications.FirstOrDefault(c => c.Dimension == dimension);
            var r = rules.Classifications.FirstOrDefault(c => c.Dimension == dimension);
            if (l is not null && r is not null && l.Category == r.Category)
            {
                agreed++;
                merged.Add(l with { Confidence = Math.Max(l.Confidence, r.Confidence), Evidence = l.Evidence ?? r.Evidence, EvidenceGrounding = l.Evidence is null ? r.EvidenceGrounding : l.EvidenceGrounding });
            }
            else
            {
                merged.Add(l is null ? r! : r is null ? l : Resolve(l, r));
            }
        }

        var ratio = dimensions.Count == 0 ? 1.0 : agreed / (double)dimensions.Count;
        return new MergeResult(llm with { Classifications = merged }, ratio, []);
    }

    private static ClassificationItem Resolve(ClassificationItem llm, ClassificationItem rules) => llm.Dimension switch
    {
        ClassificationVocabulary.Urgency =>
            ClassificationVocabulary.UrgencySeverity(rules.Category) > ClassificationVocabulary.UrgencySeverity(llm.Category) ? rules : llm,
        ClassificationVocabulary.FollowUp or ClassificationVocabulary.FurtherExam => rules.Category == ClassificationVocabulary.Yes ? rules : llm,
        _ => llm,
    };
}
