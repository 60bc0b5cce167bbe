using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The five dimensions. Confidence reflects the evidence: a named modality or an explicit recommendation is
/// near-certain, a majority of anatomy mentions is as sure as its share, an inference from findings is weaker,
/// and a default with no evidence at all is low. docs/rules-engine.md lists the numbers.
/// </summary>
internal static class ClassificationBuilder
{
    public static ClassificationContent Build(ReportAnalysis analysis)
    {
        var recommendations = RecommendationScan.Of(analysis);
        var bodyPart = BodyPart(analysis);
        var modality = Modality(analysis);
        // CheXpert labels mean something only for chest radiographs; the labeler is English.
        var chexpert = analysis.English && modality.Category == "X-Ray" && bodyPart.Category == "胸部" ? ChexpertBuilder.Build(analysis) : [];
        return new ClassificationContent
        {
            Classifications =
            [
                UrgencyItem(analysis),
                bodyPart,
                modality,
                FollowUp(analysis, recommendations),
                FurtherExam(analysis, recommendations),
                .. chexpert,
            ],
        };
    }

    private static ClassificationItem UrgencyItem(ReportAnalysis analysis)
    {
        if (analysis.Decisive is { } decisive)
        {
            var severity = Urgency.EffectiveSeverity(decisive);
            var confidence = decisive.Uncertain ? 0.7 : severity == 4 ? 0.95 : 0.85;
            var basis = UrgencyBasis.Of(analysis, severity);
            return Item(ClassificationVocabulary.Urgency, ClassificationVocabulary.UrgencyScale[severity], confidence, basis[0].Text) with
            {
                EvidenceGrounding = basis[0].Grounding,
                Findings = basis,
            };
        }

        var negative = analysis.Findings.FirstOrDefault(f => f.Negated);
        return negative is null
            ? Item(ClassificationVocabulary.Urgency, ClassificationVocabulary.Normal, 0.6, null)
            : Item(ClassificationVocabulary.Urgency, ClassificationVocabulary.Normal, 0.9, analysis.Text[negative.Start..negative.End]);
    }

    private static ClassificationItem BodyPart(ReportAnalysis analysis)
    {
        var votes = new Dictionary<string, int>();
        PhraseHit? evidence = null;
        var evidenceWeight = 0;
        foreach (var hit in analysis.Hits(PhraseKind.Anatomy))
        {
            var section = analysis.Parts.SentenceAt(hit.Start)?.Section.Kind;
            if (hit.Entry.Value == 0 || (section is SectionKind.History or null && !IsTitle(analysis, hit.Start)))
            {
                continue;
            }

            var weight = hit.Entry.Value * (IsTitle(analysis, hit.Start) || section == SectionKind.Technique ? 3 : 1);
            votes[hit.Entry.Label] = votes.GetValueOrDefault(hit.Entry.Label) + weight;
            if (weight > evidenceWeight)
            {
                (evidence, evidenceWeight) = (hit, weight);
            }
        }

        if (votes.Count == 0)
        {
            return Item(ClassificationVocabulary.BodyPart, ClassificationVocabulary.Other, 0.3, null);
        }

        var (part, share) = Top(votes);
        var best = evidence is { } e && e.Entry.Label == part
            ? e
            : analysis.Hits(PhraseKind.Anatomy).Where(h => h.Entry.Label == part).MaxBy(h => h.Entry.Value);
        return Item(ClassificationVocabulary.BodyPart, part, Math.Min(0.98, 0.5 + 0.45 * share), best.TextOf(analysis.Text));
    }

    // Reading order of evidence: the modality named by this examination's own wording (title, views, findings)
    // decides; one named only as another examination — a comparison ("compared with prior CT", a COMPARISON:
    // section) or advice ("chest CT is recommended") — decides only when nothing else names one.
    private static ClassificationItem Modality(ReportAnalysis analysis)
    {
        var all = analysis.Hits(PhraseKind.Modality);
        var hits = new List<(PhraseHit Hit, bool Other)>(all.Count);
        foreach (var hit in all)
        {
            if (hit.Entry.Label != ModalityReference)
            {
                hits.Add((hit, RecommendationScan.IsAdvice(analysis, hit.Start) || IsComparison(analysis, all, hit.Start)));
            }
        }

        var own = hits.Exists(h => !h.Other);
        var votes = new Dictionary<string, int>();
        foreach (var (hit, other) in hits)
        {
            if (other != own)
            {
                votes[hit.Entry.Label] = votes.GetValueOrDefault(hit.Entry.Label) + hit.Entry.Value;
            }
        }

        if (votes.Count == 0)
        {
            return Item(ClassificationVocabulary.Modality, ClassificationVocabulary.Other, 0.3, null);
        }

        var (modality, share) = Top(votes);
        var best = hits.Where(h => h.Other != own && h.Hit.Entry.Label == modality).MaxBy(h => h.Hit.Entry.Value).Hit;
        var confidence = !own ? 0.5 + 0.2 * share : best.Entry.Value >= 3 ? 0.9 + 0.08 * share : 0.5 + 0.3 * share;
        return Item(ClassificationVocabulary.Modality, modality, confidence, best.TextOf(analysis.Text));
    }

    /// <summary>modality.tsv rows that name no modality but mark one in their clause or section as another examination.</summary>
    private const string ModalityReference = "reference";

    // A comparison word in the same clause ("Compared with prior CT", "与前片比较"), or in the heading of its
    // section ("COMPARISON: CT chest …").
    private static bool IsComparison(ReportAnalysis analysis, IReadOnlyList<PhraseHit> hits, int offset)
    {
        if (analysis.Parts.ClauseAt(offset) is not { } clause)
        {
            return false;
        }

        return HasReference(hits, clause.Start, clause.End)
            || (clause.Section.BodyStart > clause.Section.HeadingStart && HasReference(hits, clause.Section.HeadingStart, clause.Section.BodyStart));
    }

    private static bool HasReference(IReadOnlyList<PhraseHit> hits, int start, int end)
    {
        for (var i = HitSearch.FirstAtOrAfter(hits, start); i < hits.Count && hits[i].Start < end; i++)
        {
            if (hits[i].Entry.Label == ModalityReference)
            {
                return true;
            }
        }

        return false;
    }

    private static ClassificationItem FollowUp(ReportAnalysis analysis, RecommendationScan scan)
    {
        if (scan.FollowUp is { } explicitly)
        {
            return Item(ClassificationVocabulary.FollowUp, ClassificationVocabulary.Yes, 0.95, explicitly);
        }

        // A nodule in a report whose main finding is severe is handled with that finding, and one the report sends
        // for a further examination (biopsy, FNA) is not followed up: only otherwise do findings imply follow-up.
        var severe = analysis.Decisive is { } decisive && Urgency.EffectiveSeverity(decisive) >= 3;
        var implied = severe || scan.FurtherExam is not null ? null : analysis.Findings.FirstOrDefault(f => !f.Negated && f.Mentions.Any(m => !m.Negated && m.Hit.Entry.HasFlag('f')));
        return implied is not null
            ? Item(ClassificationVocabulary.FollowUp, ClassificationVocabulary.Yes, 0.7, analysis.Text[implied.Start..implied.End])
            : Item(ClassificationVocabulary.FollowUp, ClassificationVocabulary.No, analysis.Decisive is null ? 0.85 : 0.65, null);
    }

    private static ClassificationItem FurtherExam(ReportAnalysis analysis, RecommendationScan scan)
    {
        if (scan.FurtherExam is { } explicitly)
        {
            return Item(ClassificationVocabulary.FurtherExam, ClassificationVocabulary.Yes, 0.95, explicitly);
        }

        foreach (var finding in analysis.Findings.Where(f => !f.Negated))
        {
            var asserted = finding.Mentions.Where(m => !m.Negated).ToList();
            if (asserted.Any(m => m.Uncertain && !m.Hypothetical && m.Severity >= 2))
            {
                var uncertainCritical = asserted.Any(m => m.Uncertain && m.Critical);
                return Item(ClassificationVocabulary.FurtherExam, ClassificationVocabulary.Yes, uncertainCritical ? 0.85 : 0.7, analysis.Text[finding.Start..finding.End]);
            }
        }

        return Item(ClassificationVocabulary.FurtherExam, ClassificationVocabulary.No, analysis.Decisive is null ? 0.85 : 0.65, null);
    }

    private static bool IsTitle(ReportAnalysis analysis, int offset) =>
        analysis.Parts.ClauseAt(offset) is { } clause && RulesAnalyzer.IsTitle(analysis.Text, analysis.Parts.Clauses, clause);

    private static (string Key, double Share) Top(Dictionary<string, int> votes)
    {
        var total = 0;
        var best = "";
        var bestVotes = -1;
        foreach (var (key, count) in votes)
        {
            total += count;
            if (count > bestVotes)
            {
                (best, bestVotes) = (key, count);
            }
        }

        return (best, (double)bestVotes / total);
    }

    private static ClassificationItem Item(string dimension, string category, double confidence, string? evidence) => new()
    {
        Dimension = dimension,
        Category = category,
        Confidence = Math.Round(confidence, 2),
        Evidence = evidence,
    };
}
