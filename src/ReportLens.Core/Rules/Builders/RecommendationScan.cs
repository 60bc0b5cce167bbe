using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// Explicit advice: follow-up and further-examination phrases in a recommendation section or in a sentence with a
/// recommendation cue (建议, recommend…). A bare modality name counts as further examination only when the same
/// sentence does not ask for follow-up ("recommend follow-up CT" is follow-up). Values are the evidence sentences.
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
                if (!sentence.Contains(hit.Start, hit.End))
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
}
