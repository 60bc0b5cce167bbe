using System.Globalization;
using System.Reflection;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules.Matching;

/// <summary>Reads a language's lexicon files (embedded from Rules/Lexicons/{zh|en}/) into a <see cref="LanguageLexicon"/>.</summary>
internal static class LexiconLoader
{
    private const string Prefix = "ReportLens.Core.Rules.Lexicons.";

    public static LanguageLexicon Load(ReportLanguage language)
    {
        var code = language.ToCode();
        var english = language == ReportLanguage.En;
        var entries = new List<PhraseEntry>();
        foreach (var row in Rows(code, "sections.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.Section, row[0], row[1], 0, "", false));
        }

        foreach (var row in Rows(code, "cues.tsv"))
        {
            var history = row.Length > 3 && row[3] == "history" ? PhraseEntry.HistoryCue : 0;
            entries.Add(new PhraseEntry(PhraseKind.Cue, row[0], row[1], history, row[2], false));
        }

        foreach (var row in Rows(code, "findings.tsv"))
        {
            entries.Add(Finding(row[0], row[1], row[2], english));
        }

        if (english)
        {
            AddCheXpert(entries);
        }

        ApplyCriticalList(entries, CriticalList.Read(Assembly, Name(code, "critical.tsv")), english);

        foreach (var row in Rows(code, "anatomy.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.Anatomy, row[0], row[1], Int(row[2]), "", english));
        }

        foreach (var row in Rows(code, "modality.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.Modality, row[0], row[1], Int(row[2]), "", english));
        }

        foreach (var row in Rows(code, "recommendations.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.Recommendation, row[0], row[1], 0, "", false));
        }

        foreach (var row in Rows(code, "measurement-items.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.MeasureItem, row[0], row[1], 0, "", false));
        }

        foreach (var row in Rows(code, "modifiers.tsv"))
        {
            entries.Add(new PhraseEntry(PhraseKind.Modifier, row[0], "", Int(row[1]), "", false));
        }

        // Devices (tubes, lines, wires, clips, prostheses) are optional per language: a language without the file has none.
        if (Assembly.GetManifestResourceInfo(Name(code, "devices.tsv")) is not null)
        {
            foreach (var row in Rows(code, "devices.tsv"))
            {
                entries.Add(new PhraseEntry(PhraseKind.Device, row[0], row[1], 0, "", english));
            }
        }

        AddLines(entries, PhraseKind.Laterality, Lines(Name(code, "laterality.txt")));
        AddLines(entries, PhraseKind.Vague, Lines(Name(code, "vague.txt")));
        var messages = Rows(code, "messages.tsv").ToDictionary(r => r[0], r => r[1].Replace("\\n", "\n", StringComparison.Ordinal));
        return new LanguageLexicon(language, new PhraseMatcher(entries), new Messages(messages));
    }

    // CheXpert mention phrases are stems matched as substrings by its labeler: here they start a word and run
    // to its end. Unmention phrases become "skip" findings that win as the longer match and are then dropped.
    private static void AddCheXpert(List<PhraseEntry> entries)
    {
        var skip = Lines(Name("en", "chexpert-skip.txt")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = entries.Where(e => e.Kind == PhraseKind.Finding).Select(e => e.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows("en", "chexpert-use.tsv"))
        {
            foreach (var phrase in Lines($"{Prefix}en.chexpert.phrases.mention.{row[0]}.txt"))
            {
                if (!skip.Contains(phrase) && !own.Contains(phrase))
                {
                    entries.Add(Finding(phrase, row[1], row[2], english: true));
                }
            }
        }

        foreach (var name in Assembly.GetManifestResourceNames().Where(n => n.StartsWith($"{Prefix}en.chexpert.phrases.unmention.", StringComparison.Ordinal)))
        {
            foreach (var phrase in Lines(name).Where(p => !own.Contains(p)))
            {
                entries.Add(new PhraseEntry(PhraseKind.Finding, phrase, "skip", 0, "", true));
            }
        }
    }

    // critical.tsv decides which findings are critical; a critical term no findings file lists is a finding too.
    private static void ApplyCriticalList(List<PhraseEntry> entries, CriticalList critical, bool english)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind == PhraseKind.Finding)
            {
                entries[i] = critical.Apply(entries[i]);
                known.Add(TextFold.Fold(entries[i].Text));
            }
        }

        foreach (var term in critical.Terms.Where(t => !known.Contains(t)))
        {
            entries.Add(critical.Apply(new PhraseEntry(PhraseKind.Finding, term, "", PhraseEntry.CriticalSeverity, "", english)));
        }
    }

    // Severity 0 marks a phrase that is not a finding but must win over a shorter one inside it ("posterior acoustic enhancement").
    private static PhraseEntry Finding(string text, string severity, string flags, bool english) =>
        new(PhraseKind.Finding, text, Int(severity) == 0 ? "skip" : "", Int(severity), flags == "-" ? "" : flags, english);

    private static void AddLines(List<PhraseEntry> entries, PhraseKind kind, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            entries.Add(new PhraseEntry(kind, line, "", 0, "", false));
        }
    }

    private static List<string[]> Rows(string code, string file) => EmbeddedText.ReadRows(Assembly, Name(code, file), minColumns: 2);

    private static List<string> Lines(string resource) => EmbeddedText.ReadLines(Assembly, resource);

    private static string Name(string code, string file) => $"{Prefix}{code}.{file}";

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static Assembly Assembly => typeof(LexiconLoader).Assembly;
}
