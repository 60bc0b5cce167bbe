using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// Explicit advice: follow-up and further-examination phrases in a recommendation section or in a sentence with a
/// recommendation cue (建议, recommend…). A bare modality name counts as further examination only when the same
/// sentence does not ask for follow-up ("recommend follow-up CT" is follow-up); negated advice ("no follow-up required")
/// does not count. Values are the evidence clauses.
/// </summary>
internal sealed record RecommendationScan(string? FollowUp, string? FurtherExam)
{
    public static RecommendationScan Of(ReportAnalysis analysis)
    {
        string? followUp = null, furtherExam = null;
        var hits = analysis.Hits(PhraseKind.Recommendation);
        foreach (var sentence in analysis.Parts.Sentences)
        {
            if (sentence.Section.Kind == SectionKind.History)
            {
                continue;
            }

            bool cue = sentence.Section.Kind == SectionKind.Recommendation, follow = false, further = false, modality = false;
            for (var i = HitSearch.FirstAtOrAfter(hits, sentence.Start); i < hits.Count && hits[i].Start < sentence.End; i++)
            {
                var hit = hits[i];
                if (hit.End > sentence.End || (hit.Entry.Label != "cue" && Negated(analysis, hit)))
                {
                    continue;
                }

                switch (hit.Entry.Label)
                {
                    case "cue": cue = true; break;
                    case "follow_up": follow = true; break;
                    case "further_exam": further = true; break;
                    case "further_exam_modality": modality = true; break;
                }
            }

            if (!cue)
            {
                continue;
            }

            if (follow)
            {
                followUp ??= Evidence(analysis, sentence, hits, "follow_up");
            }

            if (further || (modality && !follow))
            {
                furtherExam ??= Evidence(analysis, sentence, hits, further ? "further_exam" : "further_exam_modality");
            }
        }

        return new RecommendationScan(followUp, furtherExam);
    }

    /// <summary>True when the offset lies in a recommendation section or in a sentence with a recommendation cue.</summary>
    public static bool IsAdvice(ReportAnalysis analysis, int offset)
    {
        if (analysis.Parts.SentenceAt(offset) is not { } sentence)
        {
            return false;
        }

        if (sentence.Section.Kind == SectionKind.Recommendation)
        {
            return true;
        }

        var hits = analysis.Hits(PhraseKind.Recommendation);
        for (var i = HitSearch.FirstAtOrAfter(hits, sentence.Start); i < hits.Count && hits[i].Start < sentence.End; i++)
        {
            if (hits[i].Entry.Label == "cue" && hits[i].End <= sentence.End)
            {
                return true;
            }
        }

        return false;
    }

    // The clause holding the advice; a sentence can run on through several pieces of advice.
    private static string Evidence(ReportAnalysis analysis, TextUnit sentence, IReadOnlyList<PhraseHit> hits, string label)
    {
        for (var i = HitSearch.FirstAtOrAfter(hits, sentence.Start); i < hits.Count && hits[i].Start < sentence.End; i++)
        {
            if (hits[i].Entry.Label == label && analysis.Parts.ClauseAt(hits[i].Start) is { } clause)
            {
                return analysis.Text[clause.Start..clause.End];
            }
        }

        return analysis.Text[sentence.Start..sentence.End];
    }

    // "No follow-up imaging is required", "无需随访": a negation cue earlier in the clause, with no stop word between.
    private static bool Negated(ReportAnalysis analysis, PhraseHit hit)
    {
        if (analysis.Parts.ClauseAt(hit.Start) is not { } clause)
        {
            return false;
        }

        var negated = false;
        var cues = analysis.Hits(PhraseKind.Cue);
        for (var i = HitSearch.FirstAtOrAfter(cues, clause.Start); i < cues.Count && cues[i].Start < hit.Start; i++)
        {
            negated = cues[i].Entry.Label switch
            {
                "negation" when cues[i].Entry.Flags is "pre" or "both" => true,
                "stop" => false,
                _ => negated,
            };
        }

        return negated;
    }
}
