using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Finds measurements and names what each one measures from the words around it.</summary>
internal sealed class MeasurementExtractor(string text, ReportAnalysisParts parts, Messages messages, bool english)
{
    private const int FollowingItemGap = 24;
    private const int FollowingItemGapZh = 4;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LinkWords = FrozenSet.ToFrozenSet(
        ["with", "and", "or", "of", "in", "at", "to", "from", "which", "is", "are", "was", "were", "the", "within"], StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int> NumberWords =
        new[] { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" }
            .Select((word, value) => (word, value))
            .ToFrozenDictionary(p => p.word, p => p.value, StringComparer.OrdinalIgnoreCase);

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
        return new MeasurementMention(m.Index, end, ItemFor(m.Index, end), Ascii(value), UnitSymbol(unit));
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
                found.Add(new MeasurementMention(number.Index, number.Index + number.Length, hit.TextOf(text), Quotient(number.Value), "ratio", hit.Start));
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

        // "a 5 mm nodule", "约1.5cm大小的结节": a finding right after the value is what it measures.
        if (FollowingTerm(end, english ? FollowingItemGap : FollowingItemGapZh) is { } following)
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
        var items = parts.Matches.Of(PhraseKind.MeasureItem);
        var index = HitSearch.FirstAtOrAfter(items, start) - 1;
        PhraseHit? best = index >= 0 && items[index].End <= start ? items[index] : null;
        return best is { } b && SameSentence(b.Start, start) && MeasurementPatterns.Connector().IsMatch(text.AsSpan(b.End, start - b.End))
            ? b.TextOf(text)
            : null;
    }

    private string? NearestBefore(IReadOnlyList<PhraseHit> hits, int start)
    {
        PhraseHit? best = null;
        for (var i = HitSearch.FirstAtOrAfter(hits, start) - 1; i >= 0 && best is null; i--)
        {
            if (hits[i].End <= start && hits[i].Entry.Label != "skip")
            {
                best = hits[i];
            }
        }

        return best is { } b && SameSentence(b.Start, start) ? b.TextOf(text) : null;
    }

    private string? NearestLocationBefore(int start)
    {
        LocationMention? best = null;
        var locations = parts.Locations;
        int lo = 0, hi = locations.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            (lo, hi) = locations[mid].End <= start ? (mid + 1, hi) : (lo, mid);
        }

        if (lo > 0)
        {
            best = locations[lo - 1];
        }

        return best is { } b && SameSentence(b.Start, start) ? b.Text : null;
    }

    private string? FollowingTerm(int end, int maxGap)
    {
        var findings = parts.Matches.Of(PhraseKind.Finding);
        for (var i = HitSearch.FirstAtOrAfter(findings, end); i < findings.Count; i++)
        {
            var hit = findings[i];
            if (hit.Entry.Label == "skip")
            {
                continue;
            }

            var gap = text.AsSpan(end, hit.Start - end);
            return hit.Start - end <= maxGap && gap.IndexOfAny("，,。;；.0123456789") < 0 && !HasLinkWord(gap) ? RunFrom(hit) : null;
        }

        return null;
    }

    // "dilated to 11 mm with fat stranding": a value followed by a link word belongs to what came before it.
    private static bool HasLinkWord(ReadOnlySpan<char> gap)
    {
        foreach (var range in gap.Split(' '))
        {
            if (LinkWords.Contains(gap[range]))
            {
                return true;
            }
        }

        return false;
    }

    // Adjacent finding words name one thing ("hypoechoic lesion"): take them together.
    private string RunFrom(PhraseHit first)
    {
        var end = first.End;
        var findings = parts.Matches.Of(PhraseKind.Finding);
        for (var i = HitSearch.FirstAtOrAfter(findings, end); i < findings.Count; i++)
        {
            var hit = findings[i];

            if (!text.AsSpan(end, hit.Start - end).IsWhiteSpace())
            {
                break;
            }

            end = hit.End;
        }

        return text[first.Start..end];
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

    /// <summary>A unit spelt out ("centimeters", "millimetre") as its symbol; symbols stay as written.</summary>
    private static string UnitSymbol(string unit) => unit.Length <= 6 ? unit
        : unit.StartsWith("centi", StringComparison.OrdinalIgnoreCase) ? "cm"
        : unit.StartsWith("milli", StringComparison.OrdinalIgnoreCase) ? "mm" : unit;

    /// <summary>A ratio's value as written, in ASCII without spaces: "16.2 / 24.7" → "16.2/24.7".</summary>
    private static string Quotient(string value) => Ascii(value).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Full-width digits and points as ASCII ("０.４５" → "0.45"); the text keeps what the report wrote.</summary>
    private static string Ascii(string value) => TextFold.Fold(value);

    private static string? CountValue(string number)
    {
        if (char.IsDigit(number[0]))
        {
            return Ascii(number);
        }

        if (NumberWords.TryGetValue(number, out var word))
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
