using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// Cuts every list of an annotation to at most a number of items, in report order as the engine gave them, and
/// marks the content <see cref="AnnotationContent.Truncated"/> when anything was cut. It bounds what grounding,
/// merging, storage and the UI do for a report that names thousands of findings or measurements.
/// </summary>
public static class ItemCap
{
    public static AnnotationContent Apply(AnnotationContent content, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return content switch
        {
            HighlightContent h when h.Highlights.Count > maxItems => h with { Highlights = Take(h.Highlights, maxItems), Truncated = true },
            ExtractionContent e when Over(maxItems, e.Findings.Count, e.FindingDetails.Count, e.Measurements.Count, e.Locations.Count, e.LocationDetails.Count, e.Devices.Count) => e with
            {
                Findings = Take(e.Findings, maxItems),
                FindingDetails = Take(e.FindingDetails, maxItems),
                Measurements = Take(e.Measurements, maxItems),
                Locations = Take(e.Locations, maxItems),
                LocationDetails = Take(e.LocationDetails, maxItems),
                Devices = Take(e.Devices, maxItems),
                Truncated = true,
            },
            ClassificationContent c when c.Classifications.Count > maxItems => c with { Classifications = Take(c.Classifications, maxItems), Truncated = true },
            ScoringContent s when s.Scores.Count > maxItems => s with { Scores = Take(s.Scores, maxItems), Truncated = true },
            _ => content,
        };
    }

    private static bool Over(int max, params ReadOnlySpan<int> counts)
    {
        foreach (var count in counts)
        {
            if (count > max)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<T> Take<T>(IReadOnlyList<T> items, int max) => items.Count <= max ? items : [.. items.Take(max)];
}
