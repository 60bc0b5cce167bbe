using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// Joins the annotations of a long report's chunks, grounded on the whole report (ChunkGrounder), into one: an item
/// found in two overlapping chunks is one item (same grounded span, same kind; ungrounded items by their text).
/// Classification takes the safer answer per dimension (as the hybrid merge does); scoring the mean per dimension;
/// the impression is the last chunk's that has one (impressions close a report).
/// </summary>
public static class ChunkMerger
{
    public static AnnotationContent Merge(IReadOnlyList<AnnotationContent> chunks)
    {
        ArgumentOutOfRangeException.ThrowIfZero(chunks.Count);
        var merged = chunks[0] switch
        {
            HighlightContent => new HighlightContent
            {
                Highlights = [.. chunks.Cast<HighlightContent>().SelectMany(c => c.Highlights).DistinctBy(h => (Key(h.Grounding, h.Text), h.Category, h.Negated))],
            },
            ExtractionContent => MergeExtraction([.. chunks.Cast<ExtractionContent>()]),
            ClassificationContent first => chunks.Skip(1).Cast<ClassificationContent>()
                .Aggregate(first, (all, next) => (ClassificationContent)ClassificationMerger.Merge(all, next).Content),
            ScoringContent => MergeScoring([.. chunks.Cast<ScoringContent>()]),
            var other => other,
        };
        return merged with { Truncated = chunks.Any(c => c.Truncated) };
    }

    private static ExtractionContent MergeExtraction(IReadOnlyList<ExtractionContent> chunks)
    {
        var findings = chunks.SelectMany(c => c.FindingDetails).DistinctBy(f => (Key(f.Grounding, f.Text), f.Negated)).ToList();
        var locations = chunks.SelectMany(c => c.LocationDetails).DistinctBy(l => l.Text.Trim()).ToList();
        var impression = chunks.LastOrDefault(c => !string.IsNullOrWhiteSpace(c.Impression));
        return new ExtractionContent
        {
            Findings = [.. findings.Select(f => f.Text)],
            FindingDetails = findings,
            Measurements = [.. chunks.SelectMany(c => c.Measurements).DistinctBy(m => Key(m.Grounding, $"{m.Item}|{m.Value}|{m.Unit}"))],
            Locations = [.. locations.Select(l => l.Text)],
            LocationDetails = locations,
            Impression = impression?.Impression ?? "",
            ImpressionDetails = impression?.ImpressionDetails,
            Devices = [.. chunks.SelectMany(c => c.Devices).DistinctBy(d => Key(d.Grounding, d.Text))],
        };
    }

    private static ScoringContent MergeScoring(IReadOnlyList<ScoringContent> chunks) => new()
    {
        Scores =
        [
            .. chunks.SelectMany(c => c.Scores).GroupBy(s => s.Dimension, StringComparer.Ordinal).Select(g => g.First() with
            {
                Score = (int)Math.Round(g.Average(s => s.Score), MidpointRounding.AwayFromZero),
            }),
        ],
        OverallScore = (int)Math.Round(chunks.Average(c => c.OverallScore), MidpointRounding.AwayFromZero),
    };

    /// <summary>A grounded item is its span; one found nowhere is its trimmed text.</summary>
    private static string Key(SpanGrounding? grounding, string text) =>
        grounding is { Ungrounded: false, Start: { } start, End: { } end } ? $"@{start}-{end}" : "#" + text.Trim();
}
