using ReportLens.Core.Annotations;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>The lexicon data files: every row well formed and every category one the engine knows.</summary>
public sealed class LexiconFilesTests
{
    private const string Prefix = "ReportLens.Core.Rules.Lexicons.";

    private static readonly Dictionary<string, (int Columns, Func<string[], bool> Valid)> Rules = new()
    {
        // Cues: a fourth column may mark a history cue (术后, status post), which does not negate a device.
        ["sections.tsv"] = (2, r => r[1] is "findings" or "impression" or "recommendation" or "technique" or "history"),
        ["cues.tsv"] = (3, r => r[1] is "negation" or "uncertainty" or "hypothetical" or "pseudo" or "stop" or "coordinator"
            && r[2] is "pre" or "post" or "both" or "none" && (r.Length == 3 || (r.Length == 4 && r[1] == "negation" && r[3] == "history"))),
        // Severity 4 is read as 3: which findings are critical is critical.tsv's to say (CriticalList_* below).
        ["findings.tsv"] = (3, r => int.TryParse(r[1], out var s) && s is >= 0 and <= 4 && r[2].All(c => c is 'f' or 's' or 'l' or '-')),
        ["anatomy.tsv"] = (3, r => r[1] is "头颅" or "胸部" or "腹部" or "四肢" or "脊柱" or "其他" && int.TryParse(r[2], out var w) && w is >= 0 and <= 3),
        ["modality.tsv"] = (3, r => int.TryParse(r[2], out var w)
            && (r[1] is "CT" or "MRI" or "X-Ray" or "超声" or "其他" ? w is >= 1 and <= 4 : r[1] == "reference" && w == 0)),
        ["recommendations.tsv"] = (2, r => r[1] is "cue" or "follow_up" or "further_exam" or "further_exam_modality"),
        ["measurement-items.tsv"] = (2, r => r[1] is "named" or "ratio"),
        ["modifiers.tsv"] = (2, r => int.TryParse(r[1], out var d) && d is >= -1 and <= 1),
        ["messages.tsv"] = (2, r => r[1].Length > 0),
        ["devices.tsv"] = (2, r => r[1] is "tube" or "line" or "catheter" or "lead" or "wire" or "clip" or "stent" or "prosthesis"
            or "hardware" or "postoperative" or "other"),
    };

    public static TheoryData<string, string> Files() =>
        [.. from language in new[] { "zh", "en" } from file in Rules.Keys select (language, file)];

    [Theory]
    [MemberData(nameof(Files))]
    public void LexiconFile_EveryRow_HasKnownValuesAndNoDuplicatePhrase(string language, string file)
    {
        var (columns, valid) = Rules[file];
        var rows = Lines($"{Prefix}{language}.{file}").Select(l => l.Split('\t')).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True((r.Length == columns || (file == "cues.tsv" && r.Length == columns + 1)) && r[0].Trim().Length > 0 && valid(r),
            string.Join(" | ", r)));
        var duplicates = rows.GroupBy(r => r[0].ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    public static TheoryData<string> Languages() => ["zh", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void CriticalList_EveryRow_HasACategoryASourceAndNoDuplicate(string language)
    {
        var rows = CriticalRows(language);

        Assert.True(rows.Count >= 60, $"{rows.Count} critical terms");
        Assert.All(rows, r => Assert.True(
            r.Length is 3 or 4 && r[0].Trim().Length > 0 && Categories.Contains(r[1]) && r[2].Trim().Length > 0
                && (r.Length == 3 || r[3].Split('|').All(w => w.Trim().Length > 0)),
            string.Join(" | ", r)));
        Assert.Equal(Categories.Order(), rows.Select(r => r[1]).Distinct().Order());
        Assert.Empty(rows.GroupBy(r => r[0].ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>
    /// Every critical term is known to the engine as a finding: asserted alone it makes the report 危急 (in the
    /// context it names, when it has one), negated it does not — so no row is dead, swallowed by a longer
    /// non-critical phrase, or cut by a cue inside it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void CriticalList_EveryTerm_IsAFindingThatMakesTheReportCriticalOnlyWhenAsserted(string language)
    {
        var lang = language == "en" ? ReportLanguage.En : ReportLanguage.Zh;
        var failures = new List<string>();
        foreach (var row in CriticalRows(language))
        {
            var (term, context) = (row[0], row.Length > 3 ? row[3].Split('|')[0] : null);
            var asserted = lang == ReportLanguage.En
                ? $"FINDINGS: {(context is null ? "" : context + " with ")}{term}."
                : $"影像所见：{(context is null ? "" : context + "，")}{term}。";
            var negated = lang == ReportLanguage.En ? $"FINDINGS: No {term}." : $"影像所见：未见{term}。";
            if (Urgency(asserted, lang) != "危急")
            {
                failures.Add($"asserted '{term}' → {Urgency(asserted, lang)}");
            }

            if (Urgency(negated, lang) == "危急")
            {
                failures.Add($"negated '{term}' → 危急");
            }
        }

        Assert.Empty(failures);
    }

    private static string Urgency(string report, ReportLanguage language) =>
        ((ClassificationContent)RulesEngine.Default.Analyze(report, AnnotationType.Classification, language))
        .Classifications.Single(c => c.Dimension == ClassificationVocabulary.Urgency).Category;

    private static readonly string[] Categories = ["chest", "neuro", "abdomen", "obstetrics/gynaecology", "vascular", "spine", "paediatrics"];

    private static List<string[]> CriticalRows(string language) =>
        [.. Lines($"{Prefix}{language}.critical.tsv").Select(l => l.Split('\t'))];

    [Fact]
    public void Messages_BothLanguages_HaveTheSameKeys()
    {
        var zh = Lines($"{Prefix}zh.messages.tsv").Select(l => l.Split('\t')[0]).Order();
        var en = Lines($"{Prefix}en.messages.tsv").Select(l => l.Split('\t')[0]).Order();

        Assert.Equal(zh, en);
    }

    [Fact]
    public void CheXpertCopy_KeepsItsLicenseAndCredit()
    {
        var names = typeof(RulesEngine).Assembly.GetManifestResourceNames();

        Assert.Contains($"{Prefix}en.chexpert.LICENSE", names);
        Assert.Contains($"{Prefix}en.chexpert.README.md", names);
        Assert.Contains("MIT License", string.Join("\n", Lines($"{Prefix}en.chexpert.LICENSE", keepComments: true)), StringComparison.Ordinal);
    }

    private static List<string> Lines(string resource, bool keepComments = false)
    {
        using var stream = typeof(RulesEngine).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0 && (keepComments || !line.StartsWith('#')))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
