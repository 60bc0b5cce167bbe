using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// NegEx-style assertion: a pre-cue acts on the findings after it up to the end of its clause, a post-cue on the
/// findings before it back to the start of its clause; a stop word (但, but, which…) between them ends the scope.
/// A short list clause after a comma ("No effusion, consolidation, or large pneumothorax"; "未见胸腔积液，心包积液")
/// carries on the open cue of the clause before it, whatever modifiers its items carry; only a contrast or stop word,
/// a clause with its own verb or cue, or the sentence end closes it. A hypothetical cue ("limited for evaluation
/// of", "to exclude", "建议…") makes its findings uncertain and keeps them from raising the urgency.
/// </summary>
internal static class AssertionDetector
{
    private const int ListClauseMaxWords = 4;

    public static List<FindingMention> Detect(string text, IReadOnlyList<TextUnit> clauses, IReadOnlyList<PhraseHit> findings,
        IReadOnlyList<PhraseHit> cues, IReadOnlyList<PhraseHit> anatomy, IReadOnlyList<PhraseHit> modifiers, bool english, CancellationToken ct)
    {
        var mentions = new List<FindingMention>(findings.Count);
        int f = 0, c = 0;
        PhraseHit? openNegation = null, openUncertainty = null;
        var previousSentence = -1;
        var clauseCues = new List<PhraseHit>();
        for (var clauseIndex = 0; clauseIndex < clauses.Count; clauseIndex++)
        {
            var clause = clauses[clauseIndex];
            ct.ThrowIfCancellationRequested();
            clauseCues.Clear();
            while (c < cues.Count && cues[c].Start < clause.End)
            {
                if (cues[c].Start >= clause.Start)
                {
                    clauseCues.Add(cues[c]);
                }

                c++;
            }

            var continues = clause.Sentence == previousSentence && IsListContinuation(text, clause, clauseCues, findings, anatomy, english)
                && !(HasHitIn(modifiers, clause) && EndsUncoordinatedList(clauses, clauseIndex, clauseCues));
            var inheritedNegation = continues ? openNegation : null;
            var inheritedUncertainty = continues ? openUncertainty : null;
            var allScopes = new ClauseCueIndex(clauseCues);
            var asides = Parentheticals.Of(text, clause, clauseCues);
            var outerCues = asides.Count == 0 ? clauseCues : Parentheticals.Outside(clauseCues, asides);
            var outerScopes = asides.Count == 0 ? allScopes : new ClauseCueIndex(outerCues);
            while (f < findings.Count && findings[f].Start < clause.End)
            {
                var hit = findings[f++];
                if (hit.Start < clause.Start || hit.End > clause.End || hit.Entry.Label == "skip")
                {
                    continue;
                }

                var scopes = Parentheticals.Inside(asides, hit) ? allScopes : outerScopes;
                var negation = scopes.Scope(hit, "negation") ?? inheritedNegation;
                var uncertainty = scopes.Scope(hit, "hypothetical") ?? scopes.Scope(hit, "uncertainty") ?? inheritedUncertainty;
                // "建议增强扫描以除外肿瘤", "recommend CT to exclude a mass": a negation inside a hypothetical scope is
                // the condition to check, not an absent finding.
                if (uncertainty is { Entry.Label: "hypothetical" } hypothetical && negation is { } cue && cue.Start > hypothetical.Start)
                {
                    negation = null;
                }
                mentions.Add(new FindingMention(hit, clause, negation, uncertainty));
            }

            openNegation = OpenPreCue(outerCues, "negation") ?? inheritedNegation;
            openUncertainty = OpenPreCue(outerCues, "hypothetical") ?? OpenPreCue(outerCues, "uncertainty") ?? inheritedUncertainty;
            previousSentence = clause.Sentence;
        }

        ApplyLabelledAnswers(text, clauses, cues, mentions);
        return mentions;
    }

    // Template lines "Pneumothorax: no", "积液：无", "Effusion: none": a value that is nothing but a cue answers the
    // findings named before the colon.
    private static void ApplyLabelledAnswers(string text, IReadOnlyList<TextUnit> clauses, IReadOnlyList<PhraseHit> cues, List<FindingMention> mentions)
    {
        var m = 0;
        for (var i = 0; i + 1 < clauses.Count && m < mentions.Count; i++)
        {
            var (label, value) = (clauses[i], clauses[i + 1]);
            if (label.Sentence != value.Sentence || text.AsSpan(label.End, value.Start - label.End).IndexOfAny(':', '：') < 0
                || BareCue(cues, value) is not { } cue)
            {
                continue;
            }

            while (m < mentions.Count && mentions[m].Hit.Start < label.End)
            {
                if (ReferenceEquals(mentions[m].Clause, label) && mentions[m] is { Negated: false, Uncertain: false } mention)
                {
                    mentions[m] = cue.Entry.Label == "negation" ? mention with { NegationCue = cue } : mention with { UncertaintyCue = cue };
                }

                m++;
            }
        }
    }

    private static PhraseHit? BareCue(IReadOnlyList<PhraseHit> cues, TextUnit clause)
    {
        var i = HitSearch.FirstAtOrAfter(cues, clause.Start);
        return i < cues.Count && cues[i].Start == clause.Start && cues[i].End == clause.End && cues[i].Entry.Label is "negation" or "uncertainty"
            ? cues[i]
            : null;
    }

    private static PhraseHit? OpenPreCue(List<PhraseHit> cues, string kind)
    {
        PhraseHit? open = null;
        foreach (var cue in cues)
        {
            if (ClauseCueIndex.EndsPreScope(cue.Entry))
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

    // "No pneumothorax, moderate right pleural effusion": a graded item after a bare comma that ends the sentence is
    // a new statement; inside a coordinated list ("No consolidation, pneumothorax or large effusion") it is an item.
    private static bool EndsUncoordinatedList(IReadOnlyList<TextUnit> clauses, int index, List<PhraseHit> cues)
    {
        var last = index + 1 >= clauses.Count || clauses[index + 1].Sentence != clauses[index].Sentence;
        return last && !cues.Exists(c => c.Entry.Label == "coordinator");
    }

    // A list item has no cue of its own other than a coordinator, and few words besides its findings and locations
    // ("spinal canal stenosis or neural foraminal narrowing at any level"). Chinese has no spaces: there an item may
    // leave at most two characters uncovered, none of them a verb that starts a statement of its own (见, 示, 呈…).
    private static bool IsListContinuation(string text, TextUnit clause, List<PhraseHit> cues, IReadOnlyList<PhraseHit> findings,
        IReadOnlyList<PhraseHit> anatomy, bool english)
    {
        if (!english)
        {
            return IsChineseListItem(text, clause, cues, findings, anatomy);
        }

        foreach (var cue in cues)
        {
            if (cue.Entry.Label is not ("coordinator" or "pseudo"))
            {
                return false;
            }
        }

        var otherWords = 0;
        for (var i = clause.Start; i < clause.End; i++)
        {
            var wordStart = i == clause.Start || text[i - 1] == ' ';
            if (wordStart && text[i] != ' ' && !Covered(i, cues) && !Covered(i, findings) && !Covered(i, anatomy))
            {
                otherWords++;
            }
        }

        return otherWords <= ListClauseMaxWords;
    }

    private static bool IsChineseListItem(string text, TextUnit clause, List<PhraseHit> cues, IReadOnlyList<PhraseHit> findings,
        IReadOnlyList<PhraseHit> anatomy)
    {
        if (cues.Exists(c => c.Entry.Label is not ("coordinator" or "pseudo")) || !HasHitIn(findings, clause))
        {
            return false;
        }

        var uncovered = 0;
        for (var i = clause.Start; i < clause.End; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsPunctuation(text[i]) || Covered(i, cues) || Covered(i, findings) || Covered(i, anatomy))
            {
                continue;
            }

            if (StatementVerbs.Contains(text[i]) || ++uncovered > 2)
            {
                return false;
            }
        }

        return true;
    }

    private const string StatementVerbs = "见示呈有为显伴增扩缩移变致";

    private static bool HasHitIn(IReadOnlyList<PhraseHit> hits, TextUnit clause)
    {
        var i = HitSearch.FirstAtOrAfter(hits, clause.Start);
        return i < hits.Count && hits[i].End <= clause.End;
    }

    private static bool Covered(int offset, IReadOnlyList<PhraseHit> hits) => HitSearch.AnyContains(hits, offset, offset + 1);
}
