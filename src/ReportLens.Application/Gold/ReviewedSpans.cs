using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Application.Gold;

/// <summary>
/// Where a reviewed item stands in the report, checked: an engine item at its grounded span (which must still cut
/// out the text it was grounded on), a corrected text at its occurrence that overlaps the item, an added item at the
/// reviewer's selection (UTF-16 and code points). Null with the reason otherwise.
/// </summary>
internal static class ReviewedSpans
{
    public static (int Start, int End)? Engine(string report, SpanGrounding? grounding, string? editedText, out string? problem)
    {
        problem = null;
        if (grounding is not { Ungrounded: false, Start: { } start, End: { } end })
        {
            problem = GoldSkipReasons.Ungrounded;
            return null;
        }

        if (!Cuts(report, start, end, grounding.SourceText))
        {
            problem = GoldSkipReasons.StaleSpan;
            return null;
        }

        if (editedText is null)
        {
            return (start, end);
        }

        var placed = Overlapping(report, editedText, start, end);
        problem = placed is null ? GoldSkipReasons.EditNotInText : null;
        return placed;
    }

    public static (int Start, int End)? Added(string report, ReviewAddition added, out string? problem)
    {
        var locator = new TextLocator(report);
        var exact = Cuts(report, added.Start, added.End, added.Text)
            && locator.ToCodePoint(added.Start) == added.CodePointStart && locator.ToCodePoint(added.End) == added.CodePointEnd;
        problem = exact ? null : GoldSkipReasons.StaleSpan;
        return exact ? (added.Start, added.End) : null;
    }

    /// <summary>A span inside the text, not splitting a surrogate pair, cutting out <paramref name="text"/> (when given).</summary>
    public static bool Cuts(string report, int start, int end, string? text) =>
        start >= 0 && end <= report.Length && start < end
        && !char.IsLowSurrogate(report[start]) && (end == report.Length || !char.IsLowSurrogate(report[end]))
        && (text is null || report.AsSpan(start, end - start).SequenceEqual(text));

    // The occurrence of the corrected text sharing most characters with the item, the nearest start on a tie.
    private static (int Start, int End)? Overlapping(string report, string text, int start, int end)
    {
        (int Start, int End)? best = null;
        var bestOverlap = 0;
        for (var i = report.IndexOf(text, Math.Max(0, start - text.Length + 1), StringComparison.Ordinal);
             i >= 0 && i < end;
             i = i + 1 < report.Length ? report.IndexOf(text, i + 1, StringComparison.Ordinal) : -1)
        {
            var overlap = Math.Min(end, i + text.Length) - Math.Max(start, i);
            if (overlap > bestOverlap || (overlap == bestOverlap && best is { } b && Math.Abs(i - start) < Math.Abs(b.Start - start)))
            {
                best = (i, i + text.Length);
                bestOverlap = overlap;
            }
        }

        return best is { } span && Cuts(report, span.Start, span.End, text) ? span : null;
    }
}
