namespace ReportLens.OllamaEmulator.Scheduling;

/// <summary>Deterministic token count: 1 per CJK character, 1 per started 4 other characters.</summary>
internal static class TokenEstimator
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }
        return cjk + (other + 3) / 4;
    }

    /// <summary>Splits text into pieces of about one token each (the units a stream emits).</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        var otherRun = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsCjk(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }
                yield return text[i].ToString();
                start = i + 1;
                otherRun = 0;
            }
            else if (++otherRun == 4)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
                otherRun = 0;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F'
            or >= '\uFF00' and <= '\uFFEF' or >= '\uF900' and <= '\uFAFF';
}
