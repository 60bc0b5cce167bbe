namespace ReportLens.Core.Rules.Matching;

/// <summary>Binary search over hits ordered by start, so long reports stay linear-ish instead of quadratic.</summary>
internal static class HitSearch
{
    /// <summary>Index of the first hit starting at or after the offset (the count when there is none).</summary>
    public static int FirstAtOrAfter(IReadOnlyList<PhraseHit> hits, int offset)
    {
        int lo = 0, hi = hits.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (hits[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Whether a hit of the list (resolved without overlaps, so ends grow with starts) contains the span; only
    /// the last hit starting at or before the span can.
    /// </summary>
    public static bool AnyContains(IReadOnlyList<PhraseHit> hits, int start, int end, Func<PhraseHit, bool>? where = null)
    {
        for (var i = FirstAtOrAfter(hits, start + 1) - 1; i >= 0 && hits[i].End >= end; i--)
        {
            if (hits[i].Start <= start && (where?.Invoke(hits[i]) ?? true))
            {
                return true;
            }
        }

        return false;
    }
}
