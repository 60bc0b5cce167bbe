using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// Explicit advice: follow-up and further-examination phrases in a recommendation section or in a sentence with a
/// recommendation cue (建议, recommend…). A bare modality name counts as further examination only when the same
/// sentence does not ask for follow-up ("recommend follow-up CT" is follow-up); negated advice ("no follow-up required")
/// does not count. Values are the evidence sentences.
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
            foreach (var hit in hits)
            {
                if (!sentence.Contains(hit.Start, hit.End) || (hit.Entry.Label != "cue" && Negated(analysis, hit)))
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

            var text = analysis.Text[sentence.Start..sentence.End];
            if (follow)
            {
                followUp ??= text;
            }

            if (further || (modality && !follow))
            {
                furtherExam ??= text;
            }
        }

        return new RecommendationScan(followUp, furtherExam);
    }

    // "No follow-up imaging is required", "无需随访": a negation cue earlier in the clause, with no stop word between.
    private static bool Negated(ReportAnalysis analysis, PhraseHit hit)
    {
        if (analysis.Parts.ClauseAt(hit.Start) is not { } clause)
        {
            return false;
        }

        var negated = false;
        foreach (var cue in analysis.Hits(PhraseKind.Cue))
        {
            if (cue.Start >= hit.Start)
            {
                break;
            }

            if (cue.Start >= clause.Start)
            {
                negated = cue.Entry.Label switch
                {
                    "negation" when cue.Entry.Flags is "pre" or "both" => true,
                    "stop" => false,
                    _ => negated,
                };
            }
        }

        return negated;
    }
}
