using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>Values announced by a label (labels.tsv): 住院号：ZY2023001, 姓名：张三, MRN 1234567, Address: 12 Elm St.</summary>
internal static partial class LabelledValues
{
    public static void Find(string text, PhiLexicon lexicon, List<PhiCandidate> found)
    {
        var labels = lexicon.Labels.SelectMany(r => r.Matches(text)).OrderBy(m => m.Index).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var entry = lexicon.LabelEntries[label.Groups["label"].Value];
            var separator = label.Groups["sep"].ValueSpan;
            var colon = separator.ContainsAny(':', '：');
            if (entry.ColonRequired && !colon)
            {
                continue;
            }

            var start = label.Index + label.Length;
            var limit = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var end = ValueEnd(entry, text, start, limit, colon, lexicon);
            if (end > start)
            {
                found.Add(new PhiCandidate(start, end, entry.Type, $"{entry.Type.ToCode()}.label"));
            }
        }
    }

    private static int ValueEnd(LabelEntry entry, string text, int start, int limit, bool colon, PhiLexicon lexicon) => entry.Shape switch
    {
        "code" => Token(Code(), text, start, limit, requireDigit: true),
        "id" => Token(IdValue(), text, start, limit, requireDigit: true),
        "phone" => Token(PhoneValue(), text, start, limit, requireDigit: true),
        "date" => Token(CompactDate(), text, start, limit, requireDigit: true),
        "name" => NameReader.Read(text, start, limit, colon, lexicon),
        "text" => FieldEnd(text, start, limit),
        _ => throw new InvalidDataException($"labels.tsv, {entry.Label}: unknown shape '{entry.Shape}'"),
    };

    private static int Token(Regex regex, string text, int start, int limit, bool requireDigit)
    {
        var match = regex.Match(text, start, limit - start);
        if (!match.Success || (requireDigit && !match.Value.Any(char.IsAsciiDigit)))
        {
            return -1;
        }

        return start + match.Value.TrimEnd('.', '-', '/', ' ').Length;
    }

    // A free-text field (an address, an employer) runs to the end of its line, sentence or the next label.
    private static int FieldEnd(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && !IsFieldEnd(text, end))
        {
            end++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '，' or '.' or '、'))
        {
            end--;
        }

        return end;
    }

    private static bool IsFieldEnd(string text, int i) =>
        text[i] is '\n' or '\r' or '\t' or '；' or ';' or '。' or '|'
        || (text[i] == ' ' && i + 1 < text.Length && text[i + 1] == ' ');

    [GeneratedRegex(@"\G[A-Za-z0-9][A-Za-z0-9_/.-]{0,29}")]
    private static partial Regex Code();

    [GeneratedRegex(@"\G\d{6,17}[\dXx]")]
    private static partial Regex IdValue();

    [GeneratedRegex(@"\G\+?[\d(（][\d ()（）-]{5,20}\d")]
    private static partial Regex PhoneValue();

    /// <summary>yyyyMMdd, only after a date label (检查日期：20230512): unlabelled it is as likely a number.</summary>
    [GeneratedRegex(@"\G(?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?!\d)")]
    internal static partial Regex CompactDate();
}
