using ReportLens.Core.Deidentification.Detection;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>Invented addresses and institutions in the original's script.</summary>
internal static class Places
{
    public static string Address(string original, byte[] h, PhiLexicon lexicon)
    {
        var number = 1 + KeyedHash.Pick(h, 3, 199);
        if (original.Any(NameReader.IsHan))
        {
            var city = Pick(lexicon, "city-zh", h, 0);
            return $"{city}市{Pick(lexicon, "road-zh", h, 1)}路{number}号";
        }

        return $"{number} {Pick(lexicon, "street-en", h, 1)} Street";
    }

    public static string Organisation(string original, byte[] h, PhiLexicon lexicon) =>
        Pick(lexicon, original.Any(NameReader.IsHan) ? "org-zh" : "org-en", h, 0);

    private static string Pick(PhiLexicon lexicon, string kind, byte[] h, int index) =>
        lexicon.Surrogates[kind][KeyedHash.Pick(h, index, lexicon.Surrogates[kind].Count)];
}
