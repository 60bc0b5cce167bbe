using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The 14 CheXpert observations for an English chest radiograph, following the CheXpert labeler: each mention
/// phrase found in a describing section is positive, negative or uncertain by the engine's own reading of the
/// term there (its negation and uncertainty scopes), or by a cue in its clause when the engine has no finding at
/// that place; an observation is positive if any mention is, else uncertain if any is, else negative; No Finding
/// is positive only when no observation other than Support Devices (and none of the labeler's other
/// abnormalities) is positive or uncertain, and not mentioned otherwise.
/// </summary>
internal static class ChexpertBuilder
{
    private enum Label
    {
        NotMentioned,
        Negative,
        Uncertain,
        Positive,
    }

    public static IEnumerable<ClassificationItem> Build(ReportAnalysis analysis)
    {
        var lexicon = ChexpertLexicon.Default;
        var lower = analysis.Text.ToLowerInvariant();
        var spans = new SpanFactory(analysis.Text);
        var results = new Dictionary<string, (Label Label, int Start, int End, bool FromEngine)>();
        foreach (var (observation, phrases) in lexicon.Mentions)
        {
            results[observation] = Aggregate(analysis, lower, phrases, lexicon.Unmentions[observation]);
        }

        var other = Aggregate(analysis, lower, lexicon.OtherFindings, []);
        var pathology = results.Where(r => r.Key != ChexpertVocabulary.SupportDevices).Select(r => r.Value.Label).Append(other.Label);
        var noFinding = pathology.Any(l => l is Label.Positive or Label.Uncertain) ? Label.NotMentioned : Label.Positive;

        yield return Item(ChexpertVocabulary.NoFinding, noFinding, 0.8, null, spans, analysis.Text);
        foreach (var observation in ChexpertVocabulary.Observations.Where(o => o != ChexpertVocabulary.NoFinding))
        {
            var (label, start, end, fromEngine) = results[observation];
            var confidence = label switch
            {
                Label.NotMentioned => 0.6,
                Label.Uncertain => 0.7,
                _ => fromEngine ? 0.85 : 0.75,
            };
            yield return Item(observation, label, confidence, label == Label.NotMentioned ? null : (start, end), spans, analysis.Text);
        }
    }

    private static (Label Label, int Start, int End, bool FromEngine) Aggregate(ReportAnalysis analysis, string lower, IReadOnlyList<string> phrases, IReadOnlyList<string> unmentions)
    {
        var best = (Label: Label.NotMentioned, Start: 0, End: 0, FromEngine: false);
        foreach (var phrase in phrases)
        {
            for (var at = lower.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var start = phrase[0] == ' ' ? at + 1 : at;
                var end = Math.Min(lower.Length, at + phrase.TrimEnd().Length);
                if ((phrase[0] != ' ' && start > 0 && char.IsAsciiLetter(lower[start - 1])) || Unmentioned(lower, start, unmentions)
                    || analysis.Parts.ClauseAt(start) is not { } clause || !clause.Section.Describes)
                {
                    continue;
                }

                var (label, fromEngine) = Read(analysis, clause, start, end);
                if (label > best.Label)
                {
                    best = (label, start, end, fromEngine);
                }
            }
        }

        return best;
    }

    private static bool Unmentioned(string lower, int start, IReadOnlyList<string> unmentions)
    {
        foreach (var phrase in unmentions)
        {
            var from = Math.Max(0, start - phrase.Length);
            var at = lower.IndexOf(phrase, from, Math.Min(lower.Length - from, (2 * phrase.Length) + 1), StringComparison.Ordinal);
            if (at >= 0 && at <= start && at + phrase.Length > start)
            {
                return true;
            }
        }

        return false;
    }

    private static (Label Label, bool FromEngine) Read(ReportAnalysis analysis, TextUnit clause, int start, int end)
    {
        foreach (var mention in analysis.Mentions)
        {
            if (mention.Hit.Start < end && start < mention.Hit.End)
            {
                return (mention.Negated ? Label.Negative : mention.Uncertain ? Label.Uncertain : Label.Positive, true);
            }
        }

        var cues = analysis.Hits(PhraseKind.Cue);
        var negated = false;
        var uncertain = false;
        for (var i = HitSearch.FirstAtOrAfter(cues, clause.Start); i < cues.Count && cues[i].Start < clause.End; i++)
        {
            var cue = cues[i];
            var applies = cue.End <= start ? cue.Entry.Flags is "pre" or "both" : cue.Start >= end && cue.Entry.Flags is "post" or "both";
            if (cue.Entry.Label == "stop" && cue.End <= start)
            {
                (negated, uncertain) = (false, false);
            }
            else if (applies)
            {
                negated |= cue.Entry.Label == "negation";
                uncertain |= cue.Entry.Label == "uncertainty";
            }
        }

        return (negated ? Label.Negative : uncertain ? Label.Uncertain : Label.Positive, false);
    }

    private static ClassificationItem Item(string observation, Label label, double confidence, (int Start, int End)? span, SpanFactory spans, string text) => new()
    {
        Dimension = ChexpertVocabulary.Dimension(observation),
        Category = label switch
        {
            Label.Positive => ChexpertVocabulary.Positive,
            Label.Negative => ChexpertVocabulary.Negative,
            Label.Uncertain => ChexpertVocabulary.Uncertain,
            _ => ChexpertVocabulary.NotMentioned,
        },
        Confidence = confidence,
        Evidence = span is { } s ? text[s.Start..s.End] : null,
        EvidenceGrounding = span is { } g ? spans.Exact(g.Start, g.End) : null,
    };
}
