using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// NegEx-style assertion: a pre-cue acts on the findings after it up to the end of its clause, a post-cue on the
/// findings before it back to the start of its clause; a stop word (但, but, which…) between them ends the scope.
/// In English a short list clause after a comma ("No effusion, consolidation, or pneumothorax") carries on the
/// open cue of the clause before it.
/// </summary>
internal static class AssertionDetector
{
    private const int ListClauseMaxWords = 5;

    public static List<FindingMention> Detect(string text, IReadOnlyList<TextUnit> clauses, IReadOnlyList<PhraseHit> findings,
        IReadOnlyList<PhraseHit> cues, bool english)
    {
        var mentions = new List<FindingMention>(findings.Count);
        int f = 0, c = 0;
        PhraseHit? openNegation = null, openUncertainty = null;
        var previousSentence = -1;
        var clauseCues = new List<PhraseHit>();
        foreach (var clause in clauses)
        {
            clauseCues.Clear();
            while (c < cues.Count && cues[c].Start < clause.End)
            {
                if (cues[c].Start >= clause.Start)
                {
                    clauseCues.Add(cues[c]);
                }

                c++;
            }

            var continues = english && clause.Sentence == previousSentence && IsListContinuation(text, clause, clauseCues);
            var inheritedNegation = continues ? openNegation : null;
            var inheritedUncertainty = continues ? openUncertainty : null;
            while (f < findings.Count && findings[f].Start < clause.End)
            {
                var hit = findings[f++];
                if (hit.Start < clause.Start || hit.End > clause.End || hit.Entry.Label == "skip")
                {
                    continue;
                }

                var negation = Scope(hit, clauseCues, "negation") ?? inheritedNegation;
                var uncertainty = Scope(hit, clauseCues, "uncertainty") ?? inheritedUncertainty;
                mentions.Add(new FindingMention(hit, clause, negation, uncertainty));
            }

            openNegation = OpenPreCue(clauseCues, "negation") ?? inheritedNegation;
            openUncertainty = OpenPreCue(clauseCues, "uncertainty") ?? inheritedUncertainty;
            previousSentence = clause.Sentence;
        }

        return mentions;
    }

    private static PhraseHit? Scope(PhraseHit finding, List<PhraseHit> cues, string kind)
    {
        PhraseHit? found = null;
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            if (cue.Entry.Label != kind)
            {
                continue;
            }

            var direction = cue.Entry.Flags;
            if (cue.Start <= finding.Start && cue.End >= finding.End)
            {
                return cue;
            }

            // A cue may share words with the finding it acts on ("no acute" + "acute cardiopulmonary process").
            if (cue.Start < finding.Start && cue.End <= finding.End && direction is "pre" or "both"
                && !StopBetween(cues, cue.End, finding.Start))
            {
                found = cue;
            }
            else if (cue.End > finding.End && cue.Start >= finding.Start && direction is "post" or "both"
                && !StopBetween(cues, finding.End, cue.Start))
            {
                return found ?? cue;
            }
        }

        return found;
    }

    private static bool StopBetween(List<PhraseHit> cues, int from, int to)
    {
        foreach (var cue in cues)
        {
            if (cue.Entry.Label == "stop" && cue.Start >= from && cue.End <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static PhraseHit? OpenPreCue(List<PhraseHit> cues, string kind)
    {
        PhraseHit? open = null;
        foreach (var cue in cues)
        {
            if (cue.Entry.Label == "stop")
            {
                open = null;
            }
            else if (cue.Entry.Label == kind && cue.Entry.Flags is "pre" or "both")
            {
                open = cue;
            }
        }

        return open;
    }

    // A list item has no cue of its own other than a coordinator, and few words.
    private static bool IsListContinuation(string text, TextUnit clause, List<PhraseHit> cues)
    {
        foreach (var cue in cues)
        {
            if (cue.Entry.Label != "coordinator")
            {
                return false;
            }
        }

        var words = 1;
        for (var i = clause.Start; i < clause.End; i++)
        {
            if (text[i] == ' ')
            {
                words++;
            }
        }

        return words <= ListClauseMaxWords;
    }
}
