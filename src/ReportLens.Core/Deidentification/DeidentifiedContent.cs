using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Deidentification;

/// <summary>
/// Moves annotation content between a report and its de-identified text. <see cref="ToOriginal"/>: content a model
/// made from the de-identified text (grounded there) comes back onto the original report — every span through
/// <see cref="DeidResult.ToOriginal"/>, its source text cut from the original, every surrogate the model repeated
/// restored. <see cref="ToDeidentified"/>: stored content goes with a de-identified export — spans onto the
/// de-identified text, identifiers in text fields concealed. Match kind and score are kept.
/// </summary>
public sealed class DeidentifiedContent
{
    private readonly Func<int, int, (int Start, int End)> _span;
    private readonly TextLocator _target;
    private readonly Func<string, string> _rewrite;

    private DeidentifiedContent(Func<int, int, (int, int)> span, string target, Func<string, string> rewrite)
    {
        _span = span;
        _target = new TextLocator(target);
        _rewrite = rewrite;
    }

    public static AnnotationContent ToOriginal(AnnotationContent content, DeidResult deid)
    {
        ArgumentNullException.ThrowIfNull(deid);
        return new DeidentifiedContent(deid.ToOriginal, deid.OriginalText, deid.Restore).Map(content);
    }

    public static AnnotationContent ToDeidentified(AnnotationContent content, DeidResult deid)
    {
        ArgumentNullException.ThrowIfNull(deid);
        return new DeidentifiedContent(deid.ToDeidentified, deid.Text, deid.Conceal).Map(content);
    }

    private AnnotationContent Map(AnnotationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content switch
        {
            HighlightContent highlights => Highlights(highlights),
            ExtractionContent extraction => Extraction(extraction),
            ClassificationContent classification => Classification(classification),
            ScoringContent scoring => scoring with { Scores = [.. scoring.Scores.Select(s => s with { Reason = Rewrite(s.Reason) })] },
            _ => content,
        };
    }

    private string Rewrite(string text) => _rewrite(text);

    private SpanGrounding? Span(SpanGrounding? grounding)
    {
        if (grounding is not { Ungrounded: false, Start: { } start, End: { } end })
        {
            return grounding;
        }

        var (targetStart, targetEnd) = _span(start, end);
        return _target.Exact(targetStart, targetEnd) with { Match = grounding.Match, Score = grounding.Score };
    }

    private HighlightContent Highlights(HighlightContent content) => content with
    {
        Highlights =
        [
            .. content.Highlights.Select(item =>
            {
                var grounding = Span(item.Grounding);
                return item with
                {
                    Text = Rewrite(item.Text),
                    Reason = Rewrite(item.Reason),
                    Grounding = grounding,
                    Start = grounding?.Start ?? 0,
                    End = grounding?.End ?? 0,
                };
            }),
        ],
    };

    private ExtractionContent Extraction(ExtractionContent content) => content with
    {
        Findings = [.. content.Findings.Select(Rewrite)],
        FindingDetails = [.. content.FindingDetails.Select(f => f with { Text = Rewrite(f.Text), Grounding = Span(f.Grounding) })],
        Measurements =
        [
            .. content.Measurements.Select(m => m with
            {
                Item = Rewrite(m.Item),
                Value = Rewrite(m.Value),
                Text = m.Text is null ? null : Rewrite(m.Text),
                Grounding = Span(m.Grounding),
            }),
        ],
        Locations = [.. content.Locations.Select(Rewrite)],
        LocationDetails = [.. content.LocationDetails.Select(Text)],
        Impression = Rewrite(content.Impression),
        ImpressionDetails = content.ImpressionDetails is null ? null : Text(content.ImpressionDetails),
        Devices = [.. content.Devices.Select(Text)],
    };

    private ClassificationContent Classification(ClassificationContent content) => content with
    {
        Classifications =
        [
            .. content.Classifications.Select(c => c with
            {
                Evidence = c.Evidence is null ? null : Rewrite(c.Evidence),
                EvidenceGrounding = Span(c.EvidenceGrounding),
                Findings = c.Findings is null ? null : [.. c.Findings.Select(Text)],
            }),
        ],
    };

    private GroundedText Text(GroundedText item) => item with { Text = Rewrite(item.Text), Grounding = Span(item.Grounding) };
}
