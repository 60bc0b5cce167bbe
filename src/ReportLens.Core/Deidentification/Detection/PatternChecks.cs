using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>The checks a pattern's match must pass (patterns.tsv, column 3); an organisation's start may move right.</summary>
internal static class PatternChecks
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";
    private const string ZhAddressParts = "省市区县旗州盟镇乡路街巷村号弄栋幢室";

    public static bool Pass(PatternRule rule, Match match, string text, PhiLexicon lexicon, ref int start) => rule.Check switch
    {
        "none" => true,
        "cn_id" => IsResidentId(match.Value),
        "mobile" => IsMobile(match.Value, lexicon),
        "date" => DateParts.TryRead(match, lexicon.Months, out _),
        "age" => int.TryParse(match.Groups["v"].ValueSpan, out var age) && age is >= 90 and <= 130,
        "address" => match.Value.Count(ZhAddressParts.Contains) >= 2 && match.Length >= 6,
        "organisation" => OrganisationStart(match, lexicon, ref start),
        "zh_name" => NameReader.IsChineseName(match.Groups["v"].Value, lexicon),
        "email" => EmailStart(text, ref start),
        _ => throw new InvalidDataException($"patterns.tsv, rule {rule.Rule}: unknown check '{rule.Check}'"),
    };

    /// <summary>18 characters: a real birth date at 7–14 and the ISO 7064 MOD 11-2 check character last.</summary>
    public static bool IsResidentId(string value)
    {
        if (value.Length != 18 || !DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out _))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * IdWeights[i];
        }

        return char.ToUpperInvariant(value[17]) == IdCheckDigits[sum % 11];
    }

    public static char IdCheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheckDigits[sum % 11];
    }

    private static bool IsMobile(string value, PhiLexicon lexicon)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        digits = digits.Length > 11 ? digits[^11..] : digits;
        return digits.Length == 11 && lexicon.MobilePrefixes.Contains(digits[..3]);
    }

    private static bool EmailStart(string text, ref int start)
    {
        var at = start;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_' or '%' or '+' or '-'))
        {
            start--;
        }

        return start < at;
    }

    // The expression starts the name as far left as it can; the name really starts after the last word that
    // introduces it (于, 在 …), and a generic remainder (我院, 当地医院, Outside Hospital) is no organisation.
    private static bool OrganisationStart(Match match, PhiLexicon lexicon, ref int start)
    {
        var value = match.Value;
        var latin = char.IsAsciiLetter(value[0]);
        var offset = latin ? LatinStart(value, lexicon) : ChineseStart(value, lexicon);
        if (offset < 0)
        {
            return false;
        }

        start = match.Index + offset;
        return true;
    }

    private static int ChineseStart(string value, PhiLexicon lexicon)
    {
        var suffix = lexicon.OrganisationSuffixesZh.Where(s => value.EndsWith(s, StringComparison.Ordinal)).MaxBy(s => s.Length) ?? "";
        var body = value[..^suffix.Length];
        var offset = 0;
        foreach (var word in lexicon.OrganisationLeading)
        {
            var at = body.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && at + word.Length > offset)
            {
                offset = at + word.Length;
            }
        }

        var name = body[offset..];
        var generic = lexicon.OrganisationGeneric.Any(g =>
            (g.Length >= 2 && name.EndsWith(g, StringComparison.Ordinal)) || (name.StartsWith(g, StringComparison.Ordinal) && g.Length >= name.Length - 1));
        return name.Length < 2 || generic ? -1 : offset;
    }

    private static int LatinStart(string value, PhiLexicon lexicon)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var space = value.IndexOf(' ', offset);
            if (space < 0 || !lexicon.OrganisationGeneric.Contains(value[offset..space]))
            {
                break;
            }

            offset = space + 1;
        }

        var words = value[offset..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 ? offset : -1;
    }
}
