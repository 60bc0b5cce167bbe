namespace ReportLens.OllamaEmulator.Content;

/// <summary>Keyword search: CJK by plain substring; Latin words case-insensitive from a word start, acronyms exact and whole.</summary>
internal static class TextMatch
{
    public static int IndexOf(string text, string keyword, int startAt = 0, int endAt = -1)
    {
        if (endAt < 0)
        {
            endAt = text.Length;
        }
        if (keyword.Length == 0 || endAt - startAt < keyword.Length)
        {
            return -1;
        }
        var latin = keyword.Any(char.IsAsciiLetter);
        var acronym = latin && keyword.Length <= 4 && keyword.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
        var comparison = latin && !acronym ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var at = startAt;
        while (at <= endAt - keyword.Length)
        {
            var found = text.IndexOf(keyword, at, endAt - at, comparison);
            if (found < 0)
            {
                return -1;
            }
            var leftOk = !latin || !char.IsAsciiLetter(keyword[0]) || found == 0 || !char.IsAsciiLetter(text[found - 1]);
            var after = found + keyword.Length;
            var rightOk = !acronym || after >= text.Length || !char.IsAsciiLetter(text[after]);
            if (leftOk && rightOk)
            {
                return found;
            }
            at = found + 1;
        }
        return -1;
    }

    public static bool ContainsAny(string text, IEnumerable<string> keywords, int startAt = 0, int endAt = -1) =>
        keywords.Any(k => IndexOf(text, k, startAt, endAt) >= 0);

    /// <summary>Earliest match of any keyword (longest on a tie) in [startAt, endAt).</summary>
    public static (int Index, string Keyword)? First(string text, IEnumerable<string> keywords, int startAt = 0, int endAt = -1)
    {
        (int Index, string Keyword)? best = null;
        foreach (var keyword in keywords)
        {
            var index = IndexOf(text, keyword, startAt, endAt);
            if (index >= 0 && (best is null || index < best.Value.Index || (index == best.Value.Index && keyword.Length > best.Value.Keyword.Length)))
            {
                best = (index, keyword);
            }
        }
        return best;
    }
}
