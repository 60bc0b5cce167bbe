using System.Diagnostics;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Bench;

internal sealed record RulesResult(AnnotationType Type, int ReportLength, double ReportsPerSecond);

internal sealed record GroundingTiming(AnnotationType Type, int Annotations, double P50Microseconds, double MeanMicroseconds);

/// <summary>The rules engine on one thread, and grounding of the rules engine's and the emulator-shaped content.</summary>
internal static class CoreBenchmarks
{
    public static IReadOnlyList<RulesResult> Rules(Corpus corpus, int length, TimeSpan perType)
    {
        var reports = corpus.OfLength(length);
        var results = new List<RulesResult>();
        // Tiered JIT: run every type until the hot code is optimised, or the first type measured looks slow.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            var (text, language) = reports[i % reports.Count];
            RulesEngine.Default.Analyze(text, (AnnotationType)(i % 4), Language(language));
        }

        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            var count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < perType)
            {
                var (text, language) = reports[count % reports.Count];
                RulesEngine.Default.Analyze(text, type, Language(language));
                count++;
            }

            results.Add(new RulesResult(type, length, count / watch.Elapsed.TotalSeconds));
        }

        return results;
    }

    /// <summary>Grounds (locates in the text) every item of each report's annotation, once per report.</summary>
    public static IReadOnlyList<GroundingTiming> Grounding(Corpus corpus)
    {
        var results = new List<GroundingTiming>();
        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            var contents = corpus.Reports.Select(r => (r.Text, Content: RulesEngine.Default.Analyze(r.Text, type, Language(r.Language)))).ToList();
            var times = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                foreach (var (text, content) in contents)
                {
                    var start = Stopwatch.GetTimestamp();
                    Grounder.Ground(text, content);
                    if (round > 0)
                    {
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    }
                }
            }

            results.Add(new GroundingTiming(type, contents.Count, Percentiles.Of(times, 50), times.Average()));
        }

        return results;
    }

    private static ReportLanguage Language(string code) => code == "en" ? ReportLanguage.En : ReportLanguage.Zh;
}
