using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Deidentification;

/// <summary>
/// A de-identified text and the map back to the original. The map holds the identifiers themselves: it stays
/// on the server and is never sent with the text.
/// </summary>
public sealed record DeidResult
{
    public required string OriginalText { get; init; }
    public required string Text { get; init; }

    /// <summary>In text order; each original span replaced by its surrogate.</summary>
    public required IReadOnlyList<Replacement> Replacements { get; init; }

    /// <summary>Days every date of this patient moved (never 0).</summary>
    public required int DateShiftDays { get; init; }

    /// <summary>
    /// The exact span of the original text behind a span of the de-identified text. Text outside surrogates maps
    /// one to one; a span that starts or ends inside a surrogate widens to the whole original identifier.
    /// </summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (start < 0 || end < start || end > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"span [{start}, {end}) is not within the de-identified text (length {Text.Length})");
        }

        return (MapStart(start), MapEnd(end));
    }

    /// <summary><see cref="ToOriginal"/> as a grounding on the original text (UTF-16 and code-point offsets, source text).</summary>
    public SpanGrounding GroundOnOriginal(int start, int end)
    {
        var (originalStart, originalEnd) = ToOriginal(start, end);
        return new TextLocator(OriginalText).Exact(originalStart, originalEnd);
    }

    private int MapStart(int offset)
    {
        var delta = 0;
        foreach (var r in Replacements)
        {
            if (offset < r.Start)
            {
                break;
            }

            if (offset < r.End)
            {
                return r.Original.Start;
            }

            delta = r.Original.End - r.End;
        }

        return offset + delta;
    }

    private int MapEnd(int offset)
    {
        var delta = 0;
        foreach (var r in Replacements)
        {
            if (offset <= r.Start)
            {
                break;
            }

            if (offset <= r.End)
            {
                return r.Original.End;
            }

            delta = r.Original.End - r.End;
        }

        return offset + delta;
    }
}
