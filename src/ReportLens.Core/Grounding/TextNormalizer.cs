using System.Text;

namespace ReportLens.Core.Grounding;

/// <summary>
/// The normalisation grounding compares under: NFKC (full-width → half-width, ㎝ → cm), lower case, Chinese
/// punctuation folded onto its ASCII twin, ×/x/X/* as one sign, whitespace and invisible format characters removed.
/// Works one code point at a time so every normalised char can be traced back to the original code point.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>
    /// Appends the normalised form of the code point at <paramref name="index"/>; returns its UTF-16 length.
    /// <paramref name="cache"/> remembers NFKC forms: a report repeats few distinct non-ASCII symbols, and ICU is slow.
    /// It is created at the first code point that needs ICU, so text without one allocates none.
    /// </summary>
    public static int AppendNormalized(string text, int index, StringBuilder output, ref Dictionary<char, string>? cache)
    {
        var c = text[index];
        if (c < 0x80)
        {
            AppendFolded(c, output);
            return 1;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            // Astral code points (CJK extension B, emoji) have no case or width variants worth folding.
            output.Append(c).Append(text[index + 1]);
            return 2;
        }

        if (char.IsSurrogate(c) || c is >= '\u4e00' and <= '\u9fff')
        {
            // A lone surrogate cannot be normalised; unified CJK ideographs are already NFKC-stable.
            output.Append(c);
            return 1;
        }

        if (c is >= '\uff01' and <= '\uff5e')
        {
            // Full-width ASCII: NFKC is exactly the half-width twin.
            AppendFolded((char)(c - 0xfee0), output);
            return 1;
        }

        cache ??= [];
        if (!cache.TryGetValue(c, out var decomposed))
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormKC);
            cache.Add(c, decomposed);
        }

        foreach (var d in decomposed)
        {
            AppendFolded(d, output);
        }

        return 1;
    }

    public static string Normalize(string text)
    {
        var output = new StringBuilder(text.Length);
        Dictionary<char, string>? cache = null;
        for (var i = 0; i < text.Length;)
        {
            i += AppendNormalized(text, i, output, ref cache);
        }

        return output.ToString();
    }

    private static void AppendFolded(char c, StringBuilder output)
    {
        if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
        {
            return;
        }

        output.Append(Fold(c));
    }

    private static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        '*' or '\u00d7' or '\u2715' or '\u2716' or '\u2573' => 'x',
        '\u3002' or '\uff61' => '.',
        '\u3001' => ',',
        '\u201c' or '\u201d' or '\u201e' or '\u300c' or '\u300d' => '"',
        '\u2018' or '\u2019' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u301c' => '~',
        '\u3010' => '[',
        '\u3011' => ']',
        _ when c < 0x80 => c,
        _ => char.ToLowerInvariant(c),
    };
}
