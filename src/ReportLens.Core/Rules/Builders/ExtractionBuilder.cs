using ReportLens.Core.Annotations;

namespace ReportLens.Core.Rules.Builders;

/// <summary>Extraction: findings (asserted and negated, with flags), measurements, deduplicated locations, impression.</summary>
internal static class ExtractionBuilder
{
    public static ExtractionContent Build(Analysis.ReportAnalysis analysis)
    {
        var text = analysis.Text;
        var spans = new SpanFactory(text);
        var confidence = FindingConfidence.Of(analysis);
        var details = analysis.Findings.Select((f, i) => new Finding
        {
            Confidence = confidence[i],
            Text = text[f.Start..f.End],
            Negated = f.Negated,
            Uncertain = f.Uncertain,
            Abnormal = f.Abnormal,
            Grounding = spans.Exact(f.Start, f.End),
        }).ToList();
        var measurements = analysis.Measurements.Select(m => new Measurement
        {
            Item = m.Item,
            Value = m.Value,
            Unit = m.Unit,
            Text = text[m.Start..m.End],
            Grounding = spans.Exact(m.Start, m.End),
        }).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var locations = new List<GroundedText>();
        foreach (var location in analysis.Parts.Locations)
        {
            if (seen.Add(location.Text))
            {
                locations.Add(new GroundedText { Text = location.Text, Grounding = spans.Exact(location.Start, location.End) });
            }
        }

        var impression = Impression(analysis, spans);
        return new ExtractionContent
        {
            Findings = [.. details.Select(d => d.Text)],
            Measurements = measurements,
            Locations = [.. locations.Select(l => l.Text)],
            Impression = impression?.Text ?? "",
            FindingDetails = details,
            LocationDetails = locations,
            ImpressionDetails = impression,
            Devices = [.. analysis.Devices.Select(d => new GroundedText { Text = text[d.Start..d.End], Grounding = spans.Exact(d.Start, d.End) })],
        };
    }

    private static GroundedText? Impression(Analysis.ReportAnalysis analysis, SpanFactory spans)
    {
        int start, end;
        if (analysis.Impression is { } section)
        {
            (start, end) = Analysis.Segmenter.Trim(analysis.Text, section.BodyStart, section.End);
        }
        else if (analysis.Diagnoses.Sentences is [var last])
        {
            (start, end) = (last.Start, last.End);
        }
        else
        {
            return null;
        }

        return end > start ? new GroundedText { Text = analysis.Text[start..end], Grounding = spans.Exact(start, end) } : null;
    }
}
