using ReportLens.Core.Annotations;
using ReportLens.Core.Confidence;
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
        var findings = analysis.Findings;
        var items = new List<HighlightItem>(findings.Count + analysis.Measurements.Count + analysis.Parts.Locations.Count + analysis.Devices.Count + 4);
        // Only an impression section makes diagnosis statements; a findings-only report has none to highlight.
        var (statements, fromImpression) = analysis.Diagnoses;
        var diagnoses = fromImpression ? statements : [];
        var diagnosisSentences = new HashSet<int>();
        foreach (var sentence in diagnoses)
        {
            diagnosisSentences.Add(sentence.Sentence);
        }

        // Per diagnosis sentence: whether it holds findings, whether all are negated, whether any is uncertain.
        // A diagnosis sentence is as sure as its least sure finding.
        var confidence = FindingConfidence.Of(analysis);
        var tally = new Dictionary<int, (bool AllNegated, bool AnyUncertain, ConfidenceReport? Least)>();
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var sentence = finding.Clause.Sentence;
            if (diagnosisSentences.Contains(sentence))
            {
                var (allNegated, anyUncertain, least) = tally.TryGetValue(sentence, out var seen) ? seen : (true, false, null);
                tally[sentence] = (allNegated && finding.Negated, anyUncertain || finding.Uncertain,
                    least is null || confidence[i].Value < least.Value ? confidence[i] : least);
            }
        }

        foreach (var sentence in diagnoses)
        {
            var (negated, uncertain, least) = tally.TryGetValue(sentence.Sentence, out var t) ? t : (false, false, null);
            items.Add(Item(spans, sentence.Start, sentence.End, HighlightCategories.Diagnosis, messages.Format("hl.diagnosis"),
                negated: negated, uncertain: uncertain) with
            { Confidence = least });
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var primary = finding.Primary;
            var term = primary.Hit.TextOf(text);
            if (finding.Negated)
            {
                if (!diagnosisSentences.Contains(finding.Clause.Sentence))
                {
                    var reason = messages.Format("hl.negated", primary.NegationCue!.Value.TextOf(text), term);
                    items.Add(Item(spans, finding.Start, finding.End, HighlightCategories.Diagnosis, reason, negated: true, uncertain: false) with { Confidence = confidence[i] });
                }

                continue;
            }

            var why = primary.Critical && !primary.Uncertain
                ? messages.Format("hl.critical", term)
                : messages.Format("hl.abnormal", messages.Format(SeverityKey(primary.Severity)), term);
            if (finding.Uncertain && FirstUncertain(finding)?.UncertaintyCue is { } cue)
            {
                why += messages.Format("hl.uncertain", cue.TextOf(text));
            }

            items.Add(Item(spans, finding.Start, finding.End, HighlightCategories.Abnormal, why, negated: false, uncertain: finding.Uncertain) with { Confidence = confidence[i] });
        }

        foreach (var m in analysis.Measurements)
        {
            items.Add(Item(spans, m.HighlightStart ?? m.Start, m.End, HighlightCategories.Measurement,
                messages.Format("hl.measurement", m.Item, m.Value, m.Unit), negated: false, uncertain: false));
        }

        foreach (var device in analysis.Devices)
        {
            items.Add(Item(spans, device.Start, device.End, HighlightCategories.Device, messages.Format("hl.device", device.Kind), negated: false, uncertain: false));
        }

        foreach (var location in analysis.Parts.Locations)
        {
            items.Add(Item(spans, location.Start, location.End, HighlightCategories.Location,
                messages.Format("hl.location", messages.Format($"part.{location.BodyPart}")), negated: false, uncertain: false));
        }

        items.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new HighlightContent { Highlights = items };
    }

    private static string SeverityKey(int severity) => severity switch
    {
        1 => "severity.1",
        2 => "severity.2",
        3 => "severity.3",
        4 => "severity.4",
        _ => $"severity.{severity}",
    };

    private static FindingMention? FirstUncertain(FindingSegment finding)
    {
        foreach (var mention in finding.Mentions)
        {
            if (mention.Uncertain)
            {
                return mention;
            }
        }

        return null;
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
            Source = RulesEngine.EngineName,
        };
    }
}
