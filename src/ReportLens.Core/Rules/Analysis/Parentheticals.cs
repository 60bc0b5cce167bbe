using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// Asides in parentheses inside a clause. A cue in an aside with words of its own qualifies only those words:
/// in "消化道穿孔（胃窦部可能）" the 可能 is about the site, in "血栓形成（急性期可能）" about the phase, in "opacity
/// (possibly atelectasis)" about the atelectasis — not about the finding outside. An aside that holds nothing but
/// cues ("肺癌（可能性大）", "nodule (?)") qualifies what stands before it, like the same cue without parentheses.
/// </summary>
internal static class Parentheticals
{
    private static readonly List<(int Start, int End)> None = [];

    /// <summary>The clause's asides that hold more than cues, as (offset of the opening, offset after the closing).</summary>
    public static List<(int Start, int End)> Of(string text, TextUnit clause, List<PhraseHit> cues)
    {
        if (text.AsSpan(clause.Start, clause.Length).IndexOfAny('(', '（') < 0)
        {
            return None;
        }

        List<(int Start, int End)>? asides = null;
        var open = -1;
        for (var i = clause.Start; i < clause.End; i++)
        {
            if (text[i] is '(' or '（')
            {
                open = i;
            }
            else if (text[i] is ')' or '）' && open >= 0)
            {
                if (HasOwnWords(text, open + 1, i, cues))
                {
                    (asides ??= []).Add((open, i + 1));
                }

                open = -1;
            }
        }

        return asides ?? None;
    }

    public static List<PhraseHit> Outside(List<PhraseHit> cues, List<(int Start, int End)> asides) =>
        cues.FindAll(cue => !asides.Exists(a => cue.Start > a.Start && cue.End < a.End));

    public static bool Inside(List<(int Start, int End)> asides, PhraseHit hit) =>
        asides.Count > 0 && asides.Exists(a => hit.Start > a.Start && hit.End < a.End);

    private static bool HasOwnWords(string text, int start, int end, List<PhraseHit> cues)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && !cues.Exists(c => c.Start <= i && i < c.End))
            {
                return true;
            }
        }

        return false;
    }
}
