using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>
/// Ties every item of an annotation to the report's own characters (see docs/grounding.md). Items that cannot be
/// found are kept with <see cref="GroundingMatch.None"/>. Grounding grounded content changes nothing.
/// </summary>
public static class Grounder
{
    public static GroundingResult Ground(string reportText, AnnotationContent content) =>
        Ground(reportText, content, options: null);

    public static GroundingResult Ground(string reportText, AnnotationContent content, TextLocatorOptions? options) =>
        Ground(reportText, content, options, CancellationToken.None);

    /// <summary>Grounds the content, checking <paramref name="ct"/> before each item.</summary>
    public static GroundingResult Ground(string reportText, AnnotationContent content, TextLocatorOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reportText);
        ArgumentNullException.ThrowIfNull(content);
        var tally = new GroundingTally(new TextLocator(reportText, options), ct);
        AnnotationContent grounded = content switch
        {
            HighlightContent highlights => GroundHighlights(highlights, tally),
            ExtractionContent extraction => ExtractionGrounder.Ground(extraction, tally),
            ClassificationContent classification => GroundClassification(classification, tally),
            _ => content,
        };
        return tally.ToResult(grounded);
    }

    /// <summary>Only a grounded, non-empty span may be shown as a highlight.</summary>
    public static bool IsDisplayable(HighlightItem item) =>
        item.Grounding is { Ungrounded: false, Start: { } start, End: { } end } && end > start
        && item.Start == start && item.End == end;

    private static HighlightContent GroundHighlights(HighlightContent content, GroundingTally tally) => content with
    {
        Highlights = [.. content.Highlights.Select(item => GroundHighlight(item, tally))],
    };

    private static HighlightItem GroundHighlight(HighlightItem item, GroundingTally tally)
    {
        var grounding = tally.Locate(item.Text, item.Grounding, item.Start);
        // An item found nowhere keeps its text but loses the offsets the engine claimed: they point at nothing.
        return item with { Grounding = grounding, Start = grounding.Start ?? 0, End = grounding.End ?? 0 };
    }

    private static ClassificationContent GroundClassification(ClassificationContent content, GroundingTally tally) => content with
    {
        Classifications =
        [
            .. content.Classifications.Select(item => string.IsNullOrWhiteSpace(item.Evidence)
                ? item with { EvidenceGrounding = null }
                : item with { EvidenceGrounding = tally.Locate(item.Evidence, item.EvidenceGrounding, null) }),
        ],
    };
}
