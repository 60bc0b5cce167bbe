using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>
/// Grounds what a model found in one chunk of a report on the whole report: each item is located in its chunk first,
/// so a phrase the report repeats ("No pleural effusion.") lands in the chunk it came from, then on the whole text
/// with that place as the hint (offsets and code points on the whole report).
/// </summary>
public static class ChunkGrounder
{
    public static AnnotationContent Ground(string report, int chunkStart, int chunkEnd, AnnotationContent content, CancellationToken ct)
    {
        var local = Grounder.Ground(report[chunkStart..chunkEnd], content, options: null, ct).Content;
        return Grounder.Ground(report, Shift(local, chunkStart), options: null, ct).Content;
    }

    private static AnnotationContent Shift(AnnotationContent content, int by) => content switch
    {
        HighlightContent h => h with
        {
            Highlights = [.. h.Highlights.Select(i => i.Grounding is { Ungrounded: false }
                ? i with { Start = i.Start + by, End = i.End + by, Grounding = Shift(i.Grounding, by) }
                : i)],
        },
        ExtractionContent e => e with
        {
            FindingDetails = [.. e.FindingDetails.Select(f => f with { Grounding = Shift(f.Grounding, by) })],
            Measurements = [.. e.Measurements.Select(m => m with { Grounding = Shift(m.Grounding, by) })],
            LocationDetails = [.. e.LocationDetails.Select(l => l with { Grounding = Shift(l.Grounding, by) })],
            ImpressionDetails = e.ImpressionDetails is { } i ? i with { Grounding = Shift(i.Grounding, by) } : null,
            Devices = [.. e.Devices.Select(d => d with { Grounding = Shift(d.Grounding, by) })],
        },
        ClassificationContent c => c with
        {
            Classifications = [.. c.Classifications.Select(i => i with { EvidenceGrounding = Shift(i.EvidenceGrounding, by) })],
        },
        _ => content,
    };

    private static SpanGrounding? Shift(SpanGrounding? grounding, int by) => grounding is { Ungrounded: false, Start: { } start, End: { } end }
        ? grounding with { Start = start + by, End = end + by }
        : grounding;
}
