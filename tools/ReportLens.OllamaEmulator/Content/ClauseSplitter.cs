namespace ReportLens.OllamaEmulator.Content;

/// <summary>Cuts a report into clauses at sentence and clause punctuation, tracking the impression section.</summary>
internal static class ClauseSplitter
{
    private const string Separators = "。；;，,！？!?\n\r:：";

    public static IReadOnlyList<Clause> Split(string masked, EmulatorLexicon lexicon)
    {
        var clauses = new List<Clause>();
        var inImpression = false;
        var segmentStart = 0;
        for (var i = 0; i <= masked.Length; i++)
        {
            if (i < masked.Length && !IsSeparator(masked, i))
            {
                continue;
            }
            var (start, end) = Trim(masked, segmentStart, i);
            segmentStart = i + 1;
            if (end <= start || !masked.AsSpan(start, end - start).ContainsAnyExcept(" .-0123456789)）(（、"))
            {
                continue;
            }
            var text = masked[start..end];
            var terminator = i < masked.Length ? masked[i] : '\0';
            var isLabel = IsLabel(text, terminator, lexicon, out var impressionLabel);
            if (isLabel)
            {
                inImpression = impressionLabel;
            }
            clauses.Add(new Clause(start, end, text, isLabel, inImpression && !isLabel));
        }
        return clauses;
    }

    private static bool IsLabel(string text, char terminator, EmulatorLexicon lexicon, out bool impression)
    {
        var normalized = text.Trim().TrimEnd('：', ':').Trim();
        impression = lexicon.ImpressionLabels.Any(l => normalized.Equals(l, StringComparison.OrdinalIgnoreCase)
            || (terminator is ':' or '：' && IsShortHeading(normalized) && normalized.Contains(l, StringComparison.OrdinalIgnoreCase)));
        if (impression)
        {
            return true;
        }
        return lexicon.FindingsLabels.Any(l => normalized.Equals(l, StringComparison.OrdinalIgnoreCase))
            || (terminator is ':' or '：' && IsShortHeading(normalized));
    }

    /// <summary>"印象", "EXAMINATION", "Clinical history": a few words before a colon.</summary>
    private static bool IsShortHeading(string text) =>
        text.Length <= 10 || (text.Length <= 30 && text.Count(c => c == ' ') <= 2 && text.All(c => char.IsAsciiLetter(c) || c == ' '));

    private static bool IsSeparator(string text, int i)
    {
        var c = text[i];
        if (c == '.')
        {
            // "0.48" is a number, "cm." ends a sentence.
            var digitBefore = i > 0 && char.IsAsciiDigit(text[i - 1]);
            var digitAfter = i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            return !(digitBefore && digitAfter);
        }
        return Separators.Contains(c);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\u3000'))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '\u3000'))
        {
            end--;
        }
        return (start, end);
    }
}
