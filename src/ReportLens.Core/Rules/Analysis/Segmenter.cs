using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Splits a report into sections (by heading), sentences and clauses, keeping UTF-16 offsets.</summary>
internal static class Segmenter
{
    private static readonly IReadOnlyList<string> Abbreviations = ["vs", "approx", "e.g", "i.e", "dr", "cf", "fig"];

    public static List<ReportSection> Sections(string text, IReadOnlyList<PhraseHit> headingHits)
    {
        var sections = new List<ReportSection>();
        var headings = new List<(PhraseHit Hit, int BodyStart)>();
        foreach (var hit in headingHits)
        {
            if (HeadingBody(text, hit) is var body and >= 0)
            {
                headings.Add((hit, body));
            }
        }

        var firstHeading = headings.Count > 0 ? headings[0].Hit.Start : text.Length;
        if (!string.IsNullOrWhiteSpace(text[..firstHeading]) || headings.Count == 0)
        {
            sections.Add(new ReportSection(SectionKind.Preamble, 0, 0, firstHeading));
        }

        for (var i = 0; i < headings.Count; i++)
        {
            var (hit, body) = headings[i];
            var end = i + 1 < headings.Count ? headings[i + 1].Hit.Start : text.Length;
            sections.Add(new ReportSection(Kind(hit.Entry.Label), hit.Start, Math.Min(body, end), end));
        }

        return sections;
    }

    public static void Split(string text, List<ReportSection> sections, bool english, List<TextUnit> sentences, List<TextUnit> clauses)
    {
        foreach (var section in sections)
        {
            var start = section.BodyStart;
            for (var i = section.BodyStart; i <= section.End; i++)
            {
                if (i < section.End && !IsSentenceEnd(text, i, start, english))
                {
                    continue;
                }

                var end = i < section.End && text[i] is '?' or '？' ? i + 1 : i;
                AddSentence(text, section, start, end, sentences, clauses);
                start = i + 1;
            }
        }
    }

    private static void AddSentence(string text, ReportSection section, int start, int end, List<TextUnit> sentences, List<TextUnit> clauses)
    {
        var (s, e) = Trim(text, start, end);
        if (e <= s)
        {
            return;
        }

        var index = sentences.Count;
        sentences.Add(new TextUnit(s, e, section, index));
        var clauseStart = s;
        for (var i = s; i <= e; i++)
        {
            if (i < e && !IsClauseBreak(text, i))
            {
                continue;
            }

            var (cs, ce) = Trim(text, clauseStart, i);
            if (ce > cs)
            {
                clauses.Add(new TextUnit(cs, ce, section, index));
            }

            clauseStart = i + 1;
        }
    }

    private static bool IsClauseBreak(string text, int i)
    {
        var c = TextFold.Fold(text[i]);
        if (c is not (',' or ':'))
        {
            return false;
        }

        // "1,000" and "3:1" are numbers, not clause breaks.
        return !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]));
    }

    private static bool IsSentenceEnd(string text, int i, int sentenceStart, bool english)
    {
        switch (text[i])
        {
            case '。' or ';' or '；' or '\n' or '\r' or '!' or '！' or '?' or '？':
                return true;
            case '.':
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                if (!char.IsWhiteSpace(next) && !(english is false && next > '\u2e80') && !IsRunTogether(text, i, next))
                {
                    return false;
                }

                return !IsListNumber(text, sentenceStart, i) && !EndsWithAbbreviation(text, sentenceStart, i);
            default:
                return false;
        }
    }

    // "Heart size is normal.Minimal atelectasis": a word of three letters or more, a dot, then a capital letter is a
    // sentence end without its space; decimals (1.5), initials (U.S.) and short abbreviations stay whole.
    private static bool IsRunTogether(string text, int dot, char next)
    {
        if (!char.IsAsciiLetterUpper(next) || dot < 3)
        {
            return false;
        }

        return char.IsAsciiLetter(text[dot - 1]) && char.IsAsciiLetter(text[dot - 2]) && char.IsAsciiLetter(text[dot - 3]);
    }

    private static bool IsListNumber(string text, int start, int dot)
    {
        var span = text.AsSpan(start, dot - start).Trim();
        return span.Length is > 0 and <= 2 && !span.ContainsAnyExceptInRange('0', '9');
    }

    private static bool EndsWithAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && (char.IsAsciiLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trims white space and a leading list marker ("1.", "2、", "(3)", "①", "- ").</summary>
    internal static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var marker = ListMarkerLength(text, start, end);
        start += marker;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '。'))
        {
            end--;
        }

        return (start, end);
    }

    private static int ListMarkerLength(string text, int start, int end)
    {
        if (start >= end)
        {
            return 0;
        }

        var c = text[start];
        if (c is >= '①' and <= '⑳')
        {
            return 1;
        }

        if (c is '-' or '•' or '*' && start + 1 < end && text[start + 1] == ' ')
        {
            return 2;
        }

        var i = start + (c is '(' or '（' ? 1 : 0);
        var digits = i;
        while (digits < end && char.IsAsciiDigit(text[digits]) && digits - i < 2)
        {
            digits++;
        }

        if (digits == i || digits >= end)
        {
            return 0;
        }

        var after = text[digits];
        var opened = i > start;
        if (opened ? after is ')' or '）' : after is '.' or '、' or '．' or ')' or '）')
        {
            var next = digits + 1 < end ? text[digits + 1] : ' ';
            return after is '.' && char.IsAsciiDigit(next) ? 0 : digits + 1 - start;
        }

        return 0;
    }

    // The heading must start a line (or follow a sentence end) and be followed by a colon, a line break or a bracket.
    private static int HeadingBody(string text, PhraseHit hit)
    {
        var before = hit.Start - 1;
        while (before >= 0 && text[before] is ' ' or '\t' or '【' or '[' or '*' or '#')
        {
            before--;
        }

        if (before >= 0 && text[before] is not ('\n' or '\r' or '。' or '.' or ';' or '；' or '!' or '！'))
        {
            return -1;
        }

        var after = SkipParenthetical(text, hit.End);
        var bracket = false;
        while (after < text.Length && text[after] is ' ' or '\t' or '】' or ']' or '*')
        {
            bracket |= text[after] is '】' or ']';
            after++;
        }

        if (after < text.Length && TextFold.Fold(text[after]) == ':')
        {
            after++;
        }
        else if (!bracket && after < text.Length && text[after] is not ('\n' or '\r'))
        {
            return -1;
        }

        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return after;
    }

    // "检查所见（经腹部）：" — a short note in brackets between a heading and its colon belongs to the heading.
    private static int SkipParenthetical(string text, int at)
    {
        const int MaxNote = 12;
        if (at >= text.Length || text[at] is not ('(' or '（'))
        {
            return at;
        }

        var close = text.AsSpan(at, Math.Min(MaxNote, text.Length - at)).IndexOfAny(')', '）');
        return close > 0 ? at + close + 1 : at;
    }

    private static SectionKind Kind(string label) => label switch
    {
        "findings" => SectionKind.Findings,
        "impression" => SectionKind.Impression,
        "recommendation" => SectionKind.Recommendation,
        "technique" => SectionKind.Technique,
        "history" => SectionKind.History,
        _ => throw new InvalidDataException($"Unknown section kind '{label}' in sections.tsv."),
    };
}
