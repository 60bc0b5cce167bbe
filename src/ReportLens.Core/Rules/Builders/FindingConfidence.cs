using ReportLens.Core.Confidence;
using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The confidence of each finding of a report (aligned with <see cref="ReportAnalysis.Findings"/>), from the evidence
/// of how it was read (<see cref="RulesItemEvidence"/>). One pass over the report marks what the lexicons cover;
/// each clause is then measured once, so the cost does not grow with the number of findings.
/// </summary>
internal static class FindingConfidence
{
    private const int MinEnglishWordLength = 6;

    public static IReadOnlyList<ConfidenceReport> Of(ReportAnalysis analysis)
    {
        var findings = analysis.Findings;
        if (findings.Count == 0)
        {
            return [];
        }

        var text = analysis.Text;
        var covered = Coverage(analysis);
        var unknownByClause = new Dictionary<int, double>();
        var stops = analysis.Hits(PhraseKind.Cue);
        var statusByTerm = TermStatus(analysis);
        var reports = new ConfidenceReport[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var primary = finding.Primary;
            var clause = finding.Clause;
            if (!unknownByClause.TryGetValue(clause.Start, out var unknown))
            {
                unknown = UnknownShare(text, covered, clause, analysis.English);
                unknownByClause[clause.Start] = unknown;
            }

            var cue = primary.NegationCue ?? primary.UncertaintyCue;
            var inherited = cue is { } c && (c.Start < clause.Start || c.End > clause.End);
            var mixed = false;
            foreach (var mention in finding.Mentions)
            {
                mixed |= mention.Negated != primary.Negated;
            }

            var inImpression = clause.Section.Kind == SectionKind.Impression;
            var status = statusByTerm.GetValueOrDefault(primary.Hit.Entry);
            reports[i] = RulesItemConfidence.Compute(new RulesItemEvidence
            {
                CueDistance = cue is { } k && !inherited ? Distance(text, k, primary.Hit, analysis.English) : 0,
                Uncertain = finding.Uncertain,
                AfterTerminator = !primary.Negated && StopBefore(stops, clause.Start, primary.Hit.Start),
                UnknownShare = unknown,
                ContradictsImpression = primary.Negated
                    ? inImpression ? status.AssertedInFindings : status.AssertedInImpression
                    : inImpression ? status.NegatedInFindings : status.NegatedInImpression,
                ListScope = inherited || mixed,
            });
        }

        return reports;
    }

    private static bool[] Coverage(ReportAnalysis analysis)
    {
        var covered = new bool[analysis.Text.Length];
        foreach (var kind in Enum.GetValues<PhraseKind>())
        {
            foreach (var hit in analysis.Hits(kind))
            {
                covered.AsSpan(hit.Start, hit.Length).Fill(true);
            }
        }

        foreach (var measurement in analysis.Measurements)
        {
            covered.AsSpan(measurement.Start, measurement.End - measurement.Start).Fill(true);
        }

        return covered;
    }

    // English: words of six letters or more that no entry covers (shorter ones are mostly function words);
    // Chinese: uncovered Han characters. Either as a share of the clause's words or characters.
    private static double UnknownShare(string text, bool[] covered, TextUnit clause, bool english)
    {
        int words = 0, unknown = 0;
        var i = clause.Start;
        while (i < clause.End)
        {
            if (english)
            {
                if (!char.IsAsciiLetter(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                var anyCovered = false;
                while (i < clause.End && char.IsAsciiLetter(text[i]))
                {
                    anyCovered |= covered[i++];
                }

                words++;
                unknown += !anyCovered && i - start >= MinEnglishWordLength ? 1 : 0;
            }
            else
            {
                if (text[i] is >= '\u4e00' and <= '\u9fff')
                {
                    words++;
                    unknown += covered[i] ? 0 : 1;
                }

                i++;
            }
        }

        return words == 0 ? 0 : unknown / (double)words;
    }

    private static int Distance(string text, PhraseHit cue, PhraseHit term, bool english)
    {
        var (from, to) = cue.Start < term.Start ? (cue.End, term.Start) : (term.End, cue.Start);
        if (to <= from)
        {
            return 0;
        }

        var gap = text.AsSpan(from, to - from);
        return english ? gap.Trim().Count(' ') + (gap.Trim().Length > 0 ? 1 : 0) : gap.Length / 2;
    }

    private static bool StopBefore(IReadOnlyList<PhraseHit> cues, int from, int to)
    {
        for (var i = HitSearch.FirstAtOrAfter(cues, from); i < cues.Count && cues[i].Start < to; i++)
        {
            if (cues[i].Entry.Label == "stop")
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<PhraseEntry, TermSeen> TermStatus(ReportAnalysis analysis)
    {
        var seen = new Dictionary<PhraseEntry, TermSeen>(ReferenceEqualityComparer.Instance);
        foreach (var mention in analysis.Mentions)
        {
            var impression = mention.Clause.Section.Kind == SectionKind.Impression;
            var s = seen.GetValueOrDefault(mention.Hit.Entry);
            seen[mention.Hit.Entry] = (impression, mention.Negated) switch
            {
                (true, true) => s with { NegatedInImpression = true },
                (true, false) => s with { AssertedInImpression = true },
                (false, true) => s with { NegatedInFindings = true },
                (false, false) => s with { AssertedInFindings = true },
            };
        }

        return seen;
    }

    private readonly record struct TermSeen(bool AssertedInFindings, bool NegatedInFindings, bool AssertedInImpression, bool NegatedInImpression);
}
