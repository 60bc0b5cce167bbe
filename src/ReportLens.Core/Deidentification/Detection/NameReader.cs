using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>Reads the name that follows a label: 2–4 Chinese characters, or one to four capitalised Latin words.</summary>
internal static partial class NameReader
{
    /// <summary>The end of the name at <paramref name="start"/>, or −1. <paramref name="colon"/>: the label had one (a strong cue).</summary>
    public static int Read(string text, int start, int limit, bool colon, PhiLexicon lexicon)
    {
        if (start >= limit)
        {
            return -1;
        }

        return IsHan(text[start]) ? ReadChinese(text, start, limit, colon, lexicon) : ReadLatin(text, start, limit, colon, lexicon);
    }

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff';

    private static int ReadChinese(string text, int start, int limit, bool colon, PhiLexicon lexicon)
    {
        var end = start;
        while (end < limit && IsHan(text[end]))
        {
            end++;
        }

        var run = text.AsSpan(start, end - start);
        var cut = run.Length;
        var stoppedByWord = false;
        foreach (var (word, anyLabel) in lexicon.NameStops)
        {
            var at = run.IndexOf(word, StringComparison.Ordinal);
            if (at > 0 && at < cut && (anyLabel || colon))
            {
                cut = at;
                stoppedByWord = true;
            }
        }

        var name = run[..cut].ToString();
        if (colon)
        {
            return name.Length is >= 2 and <= 4 ? start + cut : -1;
        }

        // Without a colon (患者张三，) the name must start with a surname and end where the run ends or at 男/女/岁….
        var ends = stoppedByWord || cut == run.Length;
        return ends && IsChineseName(name, lexicon) ? start + cut : -1;
    }

    /// <summary>A surname of surnames-zh.txt and one or two given characters.</summary>
    public static bool IsChineseName(string name, PhiLexicon lexicon)
    {
        var surname = lexicon.Surnames.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal));
        return surname is not null && name.Length > surname.Length && name.Length <= surname.Length + 2;
    }

    private static int ReadLatin(string text, int start, int limit, bool colon, PhiLexicon lexicon)
    {
        var match = (colon ? LastCommaFirst().Match(text, start, limit - start) : Match.Empty) is { Success: true } m
            ? m
            : LatinName().Match(text, start, limit - start);
        if (!match.Success)
        {
            return -1;
        }

        var end = 0;
        foreach (Match token in LatinToken().Matches(match.Value))
        {
            var word = token.Value.TrimEnd(',');
            if (lexicon.EnglishNameStops.Contains(word))
            {
                break;
            }

            end = token.Index + token.Value.Length;
        }

        var value = match.Value[..end].TrimEnd(',', ' ');
        if (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal))
        {
            value = value[..^2];
        }

        return value.Length >= 2 ? start + value.Length : -1;
    }

    [GeneratedRegex(@"\G[A-Z][A-Za-z'’-]+,[ ]?[A-Z][A-Za-z'’-]+(?:[ ][A-Z]\.?(?![A-Za-z]))?")]
    private static partial Regex LastCommaFirst();

    [GeneratedRegex(@"\G(?:[A-Z][A-Za-z'’-]+|[A-Z]\.)(?:[ ](?:[A-Z][A-Za-z'’-]+|[A-Z]\.)){0,3}")]
    private static partial Regex LatinName();

    [GeneratedRegex(@"\S+")]
    private static partial Regex LatinToken();
}
