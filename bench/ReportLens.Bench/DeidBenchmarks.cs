using System.Diagnostics;
using System.Text.Json;
using ReportLens.Core.Deidentification;

namespace ReportLens.Bench;

internal sealed record DeidResultRow(string Language, int ReportLength, int Identifiers, double P50Milliseconds, double P99Milliseconds, double MeanMilliseconds);

/// <summary>De-identification (detection and placeholders) of 5,000-character reports joined from the synthetic PHI corpus.</summary>
internal static class DeidBenchmarks
{
    public static IReadOnlyList<DeidResultRow> Run(string root, int length, TimeSpan perLanguage)
    {
        var deidentifier = new Deidentifier();
        var reports = new[] { "zh", "en" }.ToDictionary(l => l, l => Joined(Path.Combine(root, "tests", "data", "deid", $"phi-{l}.jsonl"), length));
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            var texts = reports[i % 2 == 0 ? "zh" : "en"];
            deidentifier.Deidentify(texts[i % texts.Count]);
        }

        var rows = new List<DeidResultRow>();
        foreach (var (language, texts) in reports)
        {
            var times = new List<double>();
            var identifiers = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; watch.Elapsed < perLanguage; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = deidentifier.Deidentify(texts[i % texts.Count]);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                identifiers += result.Replacements.Count;
            }

            rows.Add(new DeidResultRow(language, length, identifiers / times.Count, Percentiles.Of(times, 50), Percentiles.Of(times, 99), times.Average()));
        }

        return rows;
    }

    // Each report followed by the next ones until the length is reached, then cut: the identifiers' density
    // stays that of the corpus (a header, a signature and dates every few hundred characters).
    private static List<string> Joined(string path, int length)
    {
        var texts = File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var joined = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            for (var j = 1; text.Length < length; j++)
            {
                text += "\n\n" + texts[(i + j) % texts.Count];
            }

            joined.Add(text[..length]);
        }

        return joined;
    }
}
