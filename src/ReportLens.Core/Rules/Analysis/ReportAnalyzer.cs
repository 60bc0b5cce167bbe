using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Runs the rules over one report: match lexicons, segment, locate, assert findings, measure.</summary>
internal static class ReportAnalyzer
{
    public static ReportAnalysis Analyze(string text, LanguageLexicon lexicon)
    {
        var matches = new LexiconMatches(lexicon.Matcher.FindAll(text));
        var sections = Segmenter.Sections(text, matches.Of(PhraseKind.Section));
        var sentences = new List<TextUnit>();
        var clauses = new List<TextUnit>();
        Segmenter.Split(text, sections, lexicon.IsEnglish, sentences, clauses);
        var parts = new ReportAnalysisParts(text, matches, sections, sentences, clauses, Locations(text, matches, clauses, lexicon.IsEnglish));
        var mentions = AssertionDetector.Detect(text, clauses, matches.Of(PhraseKind.Finding), matches.Of(PhraseKind.Cue), lexicon.IsEnglish);
        mentions.RemoveAll(m => !m.Clause.Section.Describes);
        var findings = Segments(text, mentions, matches.Of(PhraseKind.Cue));
        var measurements = new MeasurementExtractor(text, parts, lexicon.Messages, lexicon.IsEnglish).Extract();
        return new ReportAnalysis(parts, lexicon, mentions, findings, measurements);
    }

    private static List<LocationMention> Locations(string text, LexiconMatches matches, List<TextUnit> clauses, bool english)
    {
        var locations = new List<LocationMention>();
        var lateral = matches.Of(PhraseKind.Laterality);
        var l = 0;
        var c = 0;
        foreach (var hit in matches.Of(PhraseKind.Anatomy))
        {
            while (c < clauses.Count && clauses[c].End <= hit.Start)
            {
                c++;
            }

            if (c >= clauses.Count || !clauses[c].Contains(hit.Start, hit.End) || !clauses[c].Section.Describes)
            {
                continue;
            }

            var start = hit.Start;
            while (l < lateral.Count && lateral[l].End < hit.Start - 1)
            {
                l++;
            }

            if (l < lateral.Count && LateralityJoins(text, lateral[l], hit.Start, english) && lateral[l].Start >= clauses[c].Start)
            {
                start = lateral[l].Start;
            }

            locations.Add(new LocationMention(start, hit.End, text[start..hit.End], hit.Entry.Label, hit.Entry.Value, clauses[c]));
        }

        return locations;
    }

    private static bool LateralityJoins(string text, PhraseHit lateral, int anatomyStart, bool english) =>
        lateral.End == anatomyStart || (english && lateral.End == anatomyStart - 1 && text[lateral.End] == ' ');

    private static List<FindingSegment> Segments(string text, List<FindingMention> mentions, IReadOnlyList<PhraseHit> cues)
    {
        var segments = new List<FindingSegment>();
        var i = 0;
        while (i < mentions.Count)
        {
            var clause = mentions[i].Clause;
            var start = clause.Start;
            var group = new List<FindingMention> { mentions[i] };
            i++;
            while (i < mentions.Count && ReferenceEquals(mentions[i].Clause, clause))
            {
                if (BoundaryBetween(cues, group[^1].Hit.End, mentions[i].Hit.Start) is { } boundary)
                {
                    segments.Add(Segment(text, start, boundary.Start, group, cues));
                    start = boundary.Entry.Label is "coordinator" or "stop" ? boundary.End : boundary.Start;
                    group = [];
                }

                group.Add(mentions[i]);
                i++;
            }

            segments.Add(Segment(text, start, clause.End, group, cues));
        }

        return segments;
    }

    // A segment does not start with the stop word or coordinator before it ("但右肺上叶见一结节" → "右肺上叶见一结节").
    private static FindingSegment Segment(string text, int start, int end, List<FindingMention> group, IReadOnlyList<PhraseHit> cues)
    {
        var (s, e) = Segmenter.Trim(text, start, end);
        foreach (var cue in cues)
        {
            if (cue.Start > s)
            {
                break;
            }

            if (cue.Start == s && cue.Entry.Label is "stop" or "coordinator" && cue.End <= group[0].Hit.Start)
            {
                (s, e) = Segmenter.Trim(text, cue.End, e);
            }
        }

        return new FindingSegment(s, e, group);
    }

    /// <summary>
    /// Where a clause's findings part: a coordinator (、, and, or…) or a stop word (但, but…), which belongs to
    /// neither side, or a cue that starts the second one ("emboli without right heart strain").
    /// </summary>
    private static PhraseHit? BoundaryBetween(IReadOnlyList<PhraseHit> cues, int from, int to)
    {
        foreach (var cue in cues)
        {
            if (cue.Start >= to)
            {
                break;
            }

            if (cue.Start >= from && cue.End <= to && (cue.Entry.Label is "coordinator" or "stop"
                || (cue.Entry.Label is "negation" or "uncertainty" && cue.Entry.Flags is "pre" or "both")))
            {
                return cue;
            }
        }

        return null;
    }
}
