using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// Merges the LLM's and the rules engine's content of one type into the hybrid answer (docs/confidence.md):
/// items both produced are <c>agreed</c> with source "both", the rest keep "llm" or "rules", and an asserted
/// abnormality the other engine negates is reported as a contradiction.
/// </summary>
public static class EngineMerger
{
    /// <summary>
    /// Merges contents already grounded against the report (<see cref="Grounding.Grounder"/>): pairing relies on
    /// their spans, so grounding them again here would only repeat the search.
    /// </summary>
    public static MergeResult Merge(AnnotationContent llm, AnnotationContent rules, MergeOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(rules);
        if (llm.Type != rules.Type)
        {
            throw new ArgumentException($"Cannot merge {llm.Type} with {rules.Type}.", nameof(rules));
        }

        return (llm, rules) switch
        {
            (HighlightContent l, HighlightContent r) => HighlightMerger.Merge(l, r, ct),
            (ExtractionContent l, ExtractionContent r) => ExtractionMerger.Merge(l, r, ct),
            (ClassificationContent l, ClassificationContent r) => ClassificationMerger.Merge(l, r),
            (ScoringContent l, ScoringContent r) => ScoringMerger.Merge(l, r, options ?? MergeOptions.Default),
            _ => throw new ArgumentException($"Unknown content type {llm.GetType().Name}.", nameof(llm)),
        };
    }
}
