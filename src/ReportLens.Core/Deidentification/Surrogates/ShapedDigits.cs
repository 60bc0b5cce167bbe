using System.Text;
using ReportLens.Core.Deidentification.Detection;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>Numbers replaced digit by digit, keeping their shape (separators, letters, length) and validity.</summary>
internal static class ShapedDigits
{
    /// <summary>Every digit replaced; <paramref name="keep"/> leading digits stay (a landline's 0, a country code).</summary>
    public static string Replace(string value, byte[] hash, int keep = 0)
    {
        var text = new StringBuilder(value.Length);
        var digit = 0;
        foreach (var c in value)
        {
            text.Append(char.IsAsciiDigit(c) && digit++ >= keep ? (char)('0' + (hash[digit % hash.Length] % 10)) : c);
        }

        return text.ToString();
    }

    public static string Phone(string value, byte[] hash, PhiLexicon lexicon)
    {
        var digits = value.Count(char.IsAsciiDigit);
        var countryCode = value.StartsWith('+') ? value.TakeWhile(c => c is not (' ' or '-' or '(')).Count(char.IsAsciiDigit) : 0;
        var national = value.SkipWhile(c => !char.IsAsciiDigit(c)).Skip(countryCode).FirstOrDefault(char.IsAsciiDigit);
        var replaced = Replace(value, hash, keep: countryCode + (national == '0' ? 1 : 0));
        if (national != '1' || digits - countryCode != 11)
        {
            return replaced;
        }

        // A Chinese mobile number keeps a real prefix, so the surrogate still looks like one.
        var prefix = lexicon.MobilePrefixes.Order(StringComparer.Ordinal).ElementAt(KeyedHash.Pick(hash, 1, lexicon.MobilePrefixes.Count));
        var text = new StringBuilder(replaced);
        var seen = 0;
        for (var i = 0; i < text.Length && seen < countryCode + 3; i++)
        {
            if (char.IsAsciiDigit(text[i]) && seen++ >= countryCode)
            {
                text[i] = prefix[seen - countryCode - 1];
            }
        }

        return text.ToString();
    }

    /// <summary>A valid-looking 身份证号: invented region and sequence, the birth date shifted like every other date.</summary>
    public static string ResidentId(string value, byte[] hash, int shiftDays)
    {
        if (!PatternChecks.IsResidentId(value))
        {
            return Replace(value, hash);
        }

        var birth = DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd").AddDays(shiftDays);
        var region = Replace("100000", hash, keep: 1);
        var sequence = Replace("000", hash[8..]);
        var first17 = $"{region}{birth:yyyyMMdd}{sequence}";
        return first17 + PatternChecks.IdCheckDigit(first17);
    }
}
