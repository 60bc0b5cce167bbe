using System.Text.RegularExpressions;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Corpus;

/// <summary>The gold corpus is ground truth: these checks hold it to the conventions of docs/gold-format.md.</summary>
public sealed partial class GoldCorpusTests
{
    private static IReadOnlyList<GoldReport> Gold => GoldCorpus.Gold;

    [Fact]
    public void Gold_Loads_HasAtLeast80ReportsWithUniqueIds()
    {
        Assert.True(Gold.Count >= 80, $"only {Gold.Count} gold reports");
        var duplicates = Gold.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Gold_Ids_FollowLanguageModalityBodyPartNumberPattern()
    {
        Assert.All(Gold, r =>
        {
            Assert.Matches(IdPattern(), r.Id);
            Assert.StartsWith(r.Language + "-", r.Id, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Gold_Languages_AreBalancedAndMatchTheDetector()
    {
        var zhShare = Gold.Count(r => r.Language == "zh") / (double)Gold.Count;
        Assert.InRange(zhShare, 0.4, 0.6);
        Assert.All(Gold, r => Assert.Equal(r.Language, LanguageDetector.Detect(r.Text).ToCode()));
    }

    [Fact]
    public void Gold_Coverage_AllFourModalitiesFiveBodyPartsAndEveryUrgency()
    {
        Assert.All(new[] { "CT", "MRI", "X-Ray", "超声" }, m => Assert.Contains(Gold, r => r.Modality == m));
        Assert.All(new[] { "头颅", "胸部", "腹部", "四肢", "脊柱" }, b => Assert.Contains(Gold, r => r.BodyPart == b));
        Assert.All(GoldCorpus.Urgencies, u => Assert.Contains(Gold, r => r.Urgency == u));
        Assert.True(Gold.Count(r => r.Urgency == "危急") >= 8, "fewer than 8 critical reports");
    }

    [Fact]
    public void Gold_Classifications_UseTheSeedVocabularies()
    {
        Assert.All(Gold, r =>
        {
            Assert.Contains(r.Language, new[] { "zh", "en" });
            Assert.Contains(r.Modality, GoldCorpus.Modalities);
            Assert.Contains(r.BodyPart, GoldCorpus.BodyParts);
            Assert.Contains(r.Urgency, GoldCorpus.Urgencies);
        });
    }

    [Fact]
    public void Gold_FindingsAndMeasurements_AreExactSubstringsInReadingOrder()
    {
        var errors = new List<string>();
        foreach (var r in Gold)
        {
            errors.AddRange(Unplaced(r, "finding", r.Findings.Select(f => f.Text)));
            errors.AddRange(Unplaced(r, "measurement", r.Measurements.Select(m => m.Text)));
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void Gold_LocationsAndImpression_AreExactSubstrings()
    {
        var errors = new List<string>();
        foreach (var r in Gold)
        {
            errors.AddRange(r.Locations.Where(l => l.Length == 0 || !r.Text.Contains(l, StringComparison.Ordinal))
                .Select(l => $"{r.Id}: location '{l}'"));
            if (r.Locations.Count != r.Locations.Distinct(StringComparer.Ordinal).Count())
            {
                errors.Add($"{r.Id}: duplicate location");
            }

            if (r.Impression is { } impression
                && (impression.Length == 0 || impression != impression.Trim() || !r.Text.Contains(impression, StringComparison.Ordinal)))
            {
                errors.Add($"{r.Id}: impression is not a trimmed substring");
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void Gold_Findings_AbnormalExactlyWhenAssertedAndNegatedNeverUncertainOrCritical()
    {
        var errors = new List<string>();
        foreach (var r in Gold)
        {
            foreach (var f in r.Findings)
            {
                if (f.Abnormal == f.Negated || (f.Negated && (f.Uncertain || f.Critical)) || f.Text != f.Text.Trim())
                {
                    errors.Add($"{r.Id}: '{f.Text}' negated={f.Negated} abnormal={f.Abnormal} uncertain={f.Uncertain} critical={f.Critical}");
                }
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void Gold_Urgency_CriticalIffACriticalFindingIsAssertedAndNormalIffNothingAbnormal()
    {
        var errors = new List<string>();
        foreach (var r in Gold)
        {
            var critical = r.Findings.Any(f => f.Critical && !f.Negated);
            var abnormal = r.Findings.Any(f => f.Abnormal);
            if (critical != (r.Urgency == "危急"))
            {
                errors.Add($"{r.Id}: urgency {r.Urgency} but critical finding {critical}");
            }

            if (abnormal == (r.Urgency == "正常"))
            {
                errors.Add($"{r.Id}: urgency {r.Urgency} but abnormal finding {abnormal}");
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void Gold_Measurements_ValueIsNumericAndStatedInTheTextWithAKnownUnit()
    {
        Assert.Empty(MeasurementErrors(Gold));
    }

    // The held-out files follow the same measurement conventions (a quotient keeps both terms: value "16.2/24.7").
    [Fact]
    public void Gold_EveryFile_MeasurementValuesFollowTheConventions()
    {
        var files = GoldFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "data", "corpus"));

        Assert.Empty(MeasurementErrors(files.SelectMany(f => f.Reports)));
        Assert.Contains(files.SelectMany(f => f.Reports).SelectMany(r => r.Measurements), m => m.Value.Contains('/', StringComparison.Ordinal));
    }

    private static List<string> MeasurementErrors(IEnumerable<GoldReport> reports)
    {
        string[] units = ["mm", "cm", "ml", "HU", "%", "°", "mmHg", "cm/s", "枚", "个", "处", "颗", "ratio", "count"];
        var errors = new List<string>();
        foreach (var r in reports)
        {
            foreach (var m in r.Measurements)
            {
                if (!ValuePattern().IsMatch(m.Value) || !units.Contains(m.Unit) || !StatesValue(m))
                {
                    errors.Add($"{r.Id}: measurement '{m.Text}' value '{m.Value}' unit '{m.Unit}'");
                }
            }
        }

        return errors;
    }

    // A unit of measure is written in the text; "ratio" and "count" name a kind of value, not a written unit.
    private static bool StatesValue(GoldMeasurement m)
    {
        if (m.Unit == "count" && Array.IndexOf(NumberWords, m.Text.ToLowerInvariant()) is var word and >= 0)
        {
            return m.Value == word.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var digits = DigitsOnly(m.Text);
        var unitWritten = m.Unit is "ratio" or "count" || m.Text.Contains(m.Unit, StringComparison.OrdinalIgnoreCase);
        return unitWritten && Regex.Split(m.Value, "[×/-]").Where(n => n.Length > 0).All(n => digits.Contains(n, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Unplaced(GoldReport r, string kind, IEnumerable<string> texts)
    {
        var list = texts.ToList();
        var offsets = GoldCorpus.ResolveInOrder(r.Text, list);
        return list.Where((t, i) => t.Length == 0 || offsets[i] < 0).Select(t => $"{r.Id}: {kind} '{t}' not found in order");
    }

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    // Full-width digits count as the digits they stand for, so "８mm" states the value 8.
    private static string DigitsOnly(string text) =>
        new(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());

    [GeneratedRegex(@"^(zh|en)-(ct|mr|dr|us|mg|xa|pet)-(chest|head|abd|spine|limb|neck|pelvis|breast|other)-\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^-?\d+(\.\d+)?([×-]\d+(\.\d+)?)*$|^\d+(\.\d+)?/\d+(\.\d+)?$")]
    private static partial Regex ValuePattern();
}
