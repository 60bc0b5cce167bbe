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

        return (MapStart(start, toOriginal: true), MapEnd(end, toOriginal: true));
    }

    /// <summary><see cref="ToOriginal"/> as a grounding on the original text (UTF-16 and code-point offsets, source text).</summary>
    public SpanGrounding GroundOnOriginal(int start, int end)
    {
        var (originalStart, originalEnd) = ToOriginal(start, end);
        return new TextLocator(OriginalText).Exact(originalStart, originalEnd);
    }

    /// <summary>
    /// The span of the de-identified text behind a span of the original (an export's stored highlights): text
    /// outside identifiers maps one to one; a span that starts or ends inside an identifier widens to its surrogate.
    /// </summary>
    public (int Start, int End) ToDeidentified(int start, int end)
    {
        if (start < 0 || end < start || end > OriginalText.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"span [{start}, {end}) is not within the original text (length {OriginalText.Length})");
        }

        return (MapStart(start, toOriginal: false), MapEnd(end, toOriginal: false));
    }

    /// <summary>A text a model wrote from the de-identified report, with every surrogate replaced by the identifier it stands for.</summary>
    public string Restore(string text) => Rewrite(text, r => r.Surrogate, r => r.Original.Text);

    /// <summary>A text quoting the original report (a stored highlight), with every identifier replaced by its surrogate.</summary>
    public string Conceal(string text) => Rewrite(text, r => r.Original.Text, r => r.Surrogate);

    // Longer strings first, so [姓名1] is never rewritten inside [姓名12].
    private string Rewrite(string text, Func<Replacement, string> from, Func<Replacement, string> to)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var r in Replacements.DistinctBy(from).OrderByDescending(r => from(r).Length))
        {
            if (from(r).Length > 0 && text.Contains(from(r), StringComparison.Ordinal))
            {
                text = text.Replace(from(r), to(r), StringComparison.Ordinal);
            }
        }

        return text;
    }

    // (from, to) spans of each replacement in the direction of the map.
    private static ((int Start, int End) From, (int Start, int End) To) Sides(Replacement r, bool toOriginal) =>
        toOriginal ? ((r.Start, r.End), (r.Original.Start, r.Original.End)) : ((r.Original.Start, r.Original.End), (r.Start, r.End));

    private int MapStart(int offset, bool toOriginal)
    {
        var delta = 0;
        foreach (var (from, to) in Replacements.Select(r => Sides(r, toOriginal)))
        {
            if (offset < from.Start)
            {
                break;
            }

            if (offset < from.End)
            {
                return to.Start;
            }

            delta = to.End - from.End;
        }

        return offset + delta;
    }

    private int MapEnd(int offset, bool toOriginal)
    {
        var delta = 0;
        foreach (var (from, to) in Replacements.Select(r => Sides(r, toOriginal)))
        {
            if (offset <= from.Start)
            {
                break;
            }

            if (offset <= from.End)
            {
                return to.End;
            }

            delta = to.End - from.End;
        }

        return offset + delta;
    }
}
