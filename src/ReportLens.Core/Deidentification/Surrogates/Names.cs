using System.Text;
using ReportLens.Core.Deidentification.Detection;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>Invented names of the original's script and shape: 张三 → 周敏, "Smith, John" → "Hollis, Mark".</summary>
internal static class Names
{
    public static string Invent(string original, byte[] h, PhiLexicon lexicon)
    {
        if (NameReader.IsHan(original[0]))
        {
            var surnames = lexicon.Surnames;
            var surname = surnames[KeyedHash.Pick(h, 0, surnames.Count)];
            var given = lexicon.Surrogates["given-zh"];
            var name = new StringBuilder(surname);
            for (var i = 0; i < Math.Clamp(original.Length - 1, 1, 2); i++)
            {
                name.Append(given[KeyedHash.Pick(h, 1 + i, given.Count)]);
            }

            return name.ToString();
        }

        var first = lexicon.Surrogates["first-en"][KeyedHash.Pick(h, 0, lexicon.Surrogates["first-en"].Count)];
        var last = lexicon.Surrogates["last-en"][KeyedHash.Pick(h, 1, lexicon.Surrogates["last-en"].Count)];
        if (original.Contains(','))
        {
            return $"{last}, {first}";
        }

        return original.Contains(' ') ? $"{first} {last}" : last;
    }
}
