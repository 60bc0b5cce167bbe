using System.Reflection;
using System.Text.RegularExpressions;
using ReportLens.Core.Text;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>Reads the embedded files of Deidentification/Data into a <see cref="PhiLexicon"/>.</summary>
internal static class PhiLexiconLoader
{
    private const string Prefix = "ReportLens.Core.Deidentification.Data.";
    private static readonly Assembly Assembly = typeof(PhiLexiconLoader).Assembly;
    // The expressions are linear in practice; the bound is against the unforeseen. It is generous because the
    // first match of a compiled expression includes its JIT, which takes seconds on a loaded two-core machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static PhiLexicon Load()
    {
        var lists = new Dictionary<string, List<string>>
        {
            ["provinces"] = Lines("provinces-zh.txt"),
            ["street-suffixes"] = Lines("street-suffixes-en.txt"),
            ["months"] = Lines("months-en.txt"),
            ["org-zh"] = [.. Rows("organisation-suffixes.tsv", 2).Where(r => r[1] == "zh").Select(r => r[0])],
            ["org-en"] = [.. Rows("organisation-suffixes.tsv", 2).Where(r => r[1] == "en").Select(r => r[0])],
        };
        var labels = Rows("labels.tsv", 4)
            .Select(r => new LabelEntry(r[0], PhiTypes.Parse(r[1]), r[2], r[3] == "required"))
            .ToList();
        return new PhiLexicon
        {
            Patterns = [.. Rows("patterns.tsv", 4).Select(r => Pattern(r, lists))],
            Labels = [LabelRegex(labels.Where(l => !IsLatin(l)), latin: false), LabelRegex(labels.Where(IsLatin), latin: true)],
            LabelEntries = labels.ToDictionary(l => l.Label, StringComparer.OrdinalIgnoreCase),
            NameStops = [.. Rows("name-stops-zh.txt", 2).Select(r => (r[0], r[1] == "any"))],
            EnglishNameStops = Lines("name-stops-en.txt").ToHashSet(StringComparer.OrdinalIgnoreCase),
            Surnames = Lines("surnames-zh.txt"),
            MobilePrefixes = Lines("mobile-prefixes.txt").ToHashSet(StringComparer.Ordinal),
            OrganisationSuffixesZh = lists["org-zh"],
            OrganisationGeneric = Lines("organisation-generic.txt"),
            OrganisationLeading = Lines("organisation-leading.txt"),
            StaffNames = Lines("staff-names.txt"),
            Placeholders = Rows("placeholders.tsv", 3).ToDictionary(r => PhiTypes.Parse(r[0]), r => (r[1], r[2])),
            Months = lists["months"],
            Surrogates = Rows("surrogates.tsv", 2).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r[1])]),
        };
    }

    private static PatternRule Pattern(string[] row, Dictionary<string, List<string>> lists)
    {
        var expression = Regex.Replace(row[3], @"\{([a-z-]+)\}", m => lists.TryGetValue(m.Groups[1].Value, out var list)
            ? string.Join('|', list.OrderByDescending(w => w.Length).Select(Regex.Escape))
            : throw new InvalidDataException($"patterns.tsv, rule {row[0]}: unknown list {{{m.Groups[1].Value}}}"));
        return new PatternRule(row[0], PhiTypes.Parse(row[1]), row[2],
            new Regex(expression, RegexOptions.Compiled | RegexOptions.CultureInvariant, Timeout));
    }

    private static bool IsLatin(LabelEntry label) => char.IsAsciiLetterOrDigit(label.Label[0]);

    // Latin labels match as whole words in any case; a Chinese label may touch the characters around it. The
    // word check before a Latin label stands outside the alternation, so the engine can switch on the first letter.
    private static Regex LabelRegex(IEnumerable<LabelEntry> labels, bool latin)
    {
        var alternatives = labels
            .OrderByDescending(l => l.Label.Length)
            .Select(l => Regex.Escape(l.Label) + (latin && char.IsAsciiLetterOrDigit(l.Label[^1]) ? "(?![A-Za-z])" : ""));
        var expression = $@"{(latin ? "(?<![A-Za-z])" : "")}(?<label>{string.Join('|', alternatives)})(?<sep>[ \t]*[:：]?[ \t]*(?:#[ \t]*)?)";
        var options = RegexOptions.Compiled | RegexOptions.CultureInvariant | (latin ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(expression, options, Timeout);
    }

    private static List<string> Lines(string file) => EmbeddedText.ReadLines(Assembly, Prefix + file);

    private static List<string[]> Rows(string file, int columns) => EmbeddedText.ReadRows(Assembly, Prefix + file, columns);
}
