using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>Counts groundable items and the ones found while one piece of content is grounded.</summary>
internal sealed class GroundingTally(TextLocator locator, CancellationToken ct)
{
    public int Items { get; private set; }
    public int Grounded { get; private set; }

    /// <summary>Locates one groundable item and counts it.</summary>
    public SpanGrounding Locate(string? text, SpanGrounding? previous, int? claimedStart)
    {
        ct.ThrowIfCancellationRequested();
        var grounding = locator.Locate(text, Hint(previous, claimedStart), ct);
        Count(grounding);
        return grounding;
    }

    /// <summary>Locates without counting, for items tried under several texts.</summary>
    public SpanGrounding LocateUncounted(string? text, int? hint)
    {
        ct.ThrowIfCancellationRequested();
        return locator.Locate(text, hint, ct);
    }

    public void Count(SpanGrounding grounding)
    {
        Items++;
        if (!grounding.Ungrounded)
        {
            Grounded++;
        }
    }

    public GroundingResult ToResult(AnnotationContent content) =>
        new(content, Items == 0 ? 1.0 : Grounded / (double)Items, Items, Grounded);

    // A span found earlier is the best hint; an item found nowhere before has no offset worth trusting.
    private static int? Hint(SpanGrounding? previous, int? claimedStart) => previous switch
    {
        { Match: GroundingMatch.None } => null,
        { Start: { } start } => start,
        _ => claimedStart,
    };
}
