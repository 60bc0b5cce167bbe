using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// Highlights: asserted abnormal findings (abnormal, uncertain flagged), measurements, locations and diagnostic
/// statements of the impression section (diagnosis). A negated finding is a pertinent negative: it is emitted as a diagnosis item with
/// negated = true, never as abnormal, unless an impression sentence around it is highlighted already.
/// </summary>
internal static class HighlightBuilder
{
    public static HighlightContent Build(ReportAnalysis analysis)
    {
        var text = analysis.Text;
        var spans = new SpanFactory(text);
        var messages = analysis.Messages;
        var items = new List<HighlightItem>();
        // Only an impression section makes diagnosis statements; a findings-only report has none to highlight.
        var (statements, fromImpression) = DiagnosisStatements.Of(analysis);
        var diagnoses = fromImpression ? statements : [];
        var diagnosisSentences = diagnoses.Select(d => d.Sentence).ToHashSet();
        var findingsBySentence = analysis.Findings.ToLookup(f => f.Clause.Sentence);
        foreach (var sentence in diagnoses)
        {
            var inside = findingsBySentence[sentence.Sentence].ToList();
            items.Add(Item(spans, sentence.Start, sentence.End, HighlightCategories.Diagnosis, messages.Format("hl.diagnosis"),
                negated: inside.Count > 0 && inside.All(f => f.Negated), uncertain: inside.Any(f => f.Uncertain)));
        }

        foreach (var finding in analysis.Findings)
        {
            var primary = finding.Primary;
            var term = primary.Hit.TextOf(text);
            if (finding.Negated)
            {
                if (!diagnosisSentences.Contains(finding.Clause.Sentence))
                {
                    var reason = messages.Format("hl.negated", primary.NegationCue!.Value.TextOf(text), term);
                    items.Add(Item(spans, finding.Start, finding.End, HighlightCategories.Diagnosis, reason, negated: true, uncertain: false));
                }

                continue;
            }

            var why = primary.Critical && !primary.Uncertain
                ? messages.Format("hl.critical", term)
                : messages.Format("hl.abnormal", messages.Format($"severity.{primary.Severity}"), term);
            if (finding.Uncertain && finding.Mentions.FirstOrDefault(m => m.Uncertain)?.UncertaintyCue is { } cue)
            {
                why += messages.Format("hl.uncertain", cue.TextOf(text));
            }

            items.Add(Item(spans, finding.Start, finding.End, HighlightCategories.Abnormal, why, negated: false, uncertain: finding.Uncertain));
        }

        foreach (var m in analysis.Measurements)
        {
            items.Add(Item(spans, m.HighlightStart ?? m.Start, m.End, HighlightCategories.Measurement,
                messages.Format("hl.measurement", m.Item, m.Value, m.Unit), negated: false, uncertain: false));
        }

        foreach (var location in analysis.Parts.Locations)
        {
            items.Add(Item(spans, location.Start, location.End, HighlightCategories.Location,
                messages.Format("hl.location", messages.Format($"part.{location.BodyPart}")), negated: false, uncertain: false));
        }

        items.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new HighlightContent { Highlights = items };
    }

    private static HighlightItem Item(SpanFactory spans, int start, int end, string category, string reason, bool negated, bool uncertain)
    {
        var grounding = spans.Exact(start, end);
        return new HighlightItem
        {
            Text = grounding.SourceText!,
            Category = category,
            Start = start,
            End = end,
            Reason = reason,
            Negated = negated,
            Uncertain = uncertain,
            Grounding = grounding,
            Source = "rules",
        };
    }
}
