using System.Text.RegularExpressions;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Finds measurements and names what each one measures from the words around it.</summary>
internal sealed class MeasurementExtractor(string text, ReportAnalysisParts parts, Messages messages, bool english)
{
    private const int FollowingItemGap = 24;
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public List<MeasurementMention> Extract()
    {
        var found = new List<MeasurementMention>();
        foreach (Match match in MeasurementPatterns.Measurement().Matches(text))
        {
            if (FromValue(match) is { } mention)
            {
                found.Add(mention);
            }
        }

        AddRatios(found);
        AddCounts(found);
        // Slice thickness and the like in the technique or history are not measurements of the patient.
        found.RemoveAll(m => parts.SentenceAt(m.Start) is not { Section.Describes: true });
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private MeasurementMention? FromValue(Match m)
    {
        string value, unit;
        if (m.Groups["d1"].Success)
        {
            unit = LastUnit(m, "du3", "du2", "du1");
            if (unit.Length == 0)
            {
                return null;
            }

            value = m.Groups["d3"].Success
                ? $"{m.Groups["d1"].Value}×{m.Groups["d2"].Value}×{m.Groups["d3"].Value}"
                : $"{m.Groups["d1"].Value}×{m.Groups["d2"].Value}";
        }
        else if (m.Groups["r1"].Success)
        {
            unit = LastUnit(m, "ru2", "ru1");
            value = $"{m.Groups["r1"].Value}-{m.Groups["r2"].Value}";
        }
        else
        {
            unit = m.Groups["su"].Value;
            value = m.Groups["s"].Value;
        }

        var end = m.Index + m.Length;
        return new MeasurementMention(m.Index, end, ItemFor(m.Index, end), value, unit);
    }

    private void AddRatios(List<MeasurementMention> found)
    {
        foreach (var hit in parts.Matches.Of(PhraseKind.MeasureItem))
        {
            if (hit.Entry.Label != "ratio")
            {
                continue;
            }

            var match = MeasurementPatterns.RatioValue().Match(text, hit.End);
            var number = match.Groups["n"];
            if (match.Success && SameSentence(hit.Start, number.Index) && !Overlaps(found, number.Index, number.Index + number.Length))
            {
                found.Add(new MeasurementMention(number.Index, number.Index + number.Length, hit.TextOf(text), number.Value, "", hit.Start));
            }
        }
    }

    private void AddCounts(List<MeasurementMention> found)
    {
        var pattern = english ? MeasurementPatterns.EnglishCount() : MeasurementPatterns.ChineseCount();
        foreach (Match m in pattern.Matches(text))
        {
            var end = m.Index + m.Length;
            if (Overlaps(found, m.Index, end) || CountValue(m.Groups["n"].Value) is not { } count)
            {
                continue;
            }

            var item = english ? m.Groups["noun"].Value : FollowingTerm(end, 8) ?? ItemFor(m.Index, end);
            found.Add(new MeasurementMention(m.Index, end, item, count, english ? "count" : m.Groups["u"].Value));
        }
    }

    private string ItemFor(int start, int end)
    {
        if (NamedItemBefore(start) is { } named)
        {
            return named;
        }

        if (english && FollowingTerm(end, FollowingItemGap) is { } following)
        {
            return following;
        }

        return NearestBefore(parts.Matches.Of(PhraseKind.Finding), start)
            ?? NearestLocationBefore(start)
            ?? FollowingTerm(end, FollowingItemGap)
            ?? messages.Format("measure.default");
    }

    private string? NamedItemBefore(int start)
    {
        PhraseHit? best = null;
        foreach (var hit in parts.Matches.Of(PhraseKind.MeasureItem))
        {
            if (hit.End > start)
            {
                break;
            }

            best = hit;
        }

        return best is { } b && SameSentence(b.Start, start) && MeasurementPatterns.Connector().IsMatch(text.AsSpan(b.End, start - b.End))
            ? b.TextOf(text)
            : null;
    }

    private string? NearestBefore(IReadOnlyList<PhraseHit> hits, int start)
    {
        PhraseHit? best = null;
        foreach (var hit in hits)
        {
            if (hit.End > start)
            {
                break;
            }

            if (hit.Entry.Label != "skip")
            {
                best = hit;
            }
        }

        return best is { } b && SameSentence(b.Start, start) ? b.TextOf(text) : null;
    }

    private string? NearestLocationBefore(int start)
    {
        LocationMention? best = null;
        foreach (var location in parts.Locations)
        {
            if (location.End > start)
            {
                break;
            }

            best = location;
        }

        return best is { } b && SameSentence(b.Start, start) ? b.Text : null;
    }

    private string? FollowingTerm(int end, int maxGap)
    {
        foreach (var hit in parts.Matches.Of(PhraseKind.Finding))
        {
            if (hit.Start < end || hit.Entry.Label == "skip")
            {
                continue;
            }

            var gap = text.AsSpan(end, hit.Start - end);
            return hit.Start - end <= maxGap && gap.IndexOfAny("，,。;；.0123456789") < 0 ? hit.TextOf(text) : null;
        }

        return null;
    }

    private bool SameSentence(int a, int b) => parts.SentenceIndexAt(a) is var s and >= 0 && s == parts.SentenceIndexAt(b);

    private static bool Overlaps(List<MeasurementMention> found, int start, int end) =>
        found.Exists(m => m.Start < end && start < m.End);

    private static string LastUnit(Match m, params string[] groups)
    {
        foreach (var group in groups)
        {
            if (m.Groups[group].Success)
            {
                return m.Groups[group].Value;
            }
        }

        return "";
    }

    private static string? CountValue(string number)
    {
        if (char.IsAsciiDigit(number[0]))
        {
            return number;
        }

        var word = Array.IndexOf(NumberWords, number.ToLowerInvariant());
        if (word >= 0)
        {
            return word.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ChineseNumber(number) is var n and > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static int ChineseNumber(string digits)
    {
        const string Symbols = "零一二三四五六七八九";
        if (digits == "两")
        {
            return 2;
        }

        if (digits.Length == 1)
        {
            return digits == "十" ? 10 : Symbols.IndexOf(digits[0], StringComparison.Ordinal);
        }

        var ten = digits.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return -1;
        }

        var tens = ten == 0 ? 1 : Symbols.IndexOf(digits[0], StringComparison.Ordinal);
        var units = ten == digits.Length - 1 ? 0 : Symbols.IndexOf(digits[^1], StringComparison.Ordinal);
        return tens * 10 + units;
    }
}
