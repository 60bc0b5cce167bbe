using ReportLens.Core.Deidentification;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Tests.Corpus;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>De-identification must leave medical content alone: no finding, measurement or location of the gold corpus is touched.</summary>
public sealed class GoldCorpusUntouchedTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => ["gold.jsonl", "gold-zh-2.jsonl", "gold-en-chest.jsonl"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Detector_OnGoldCorpus_TouchesNoFindingMeasurementOrLocation(string file)
    {
        var reports = GoldCorpus.ReadJsonLines<GoldReport>(Path.Combine(AppContext.BaseDirectory, "data", "corpus", file));
        var checkedSpans = 0;
        var found = 0;
        foreach (var report in reports)
        {
            var spans = PhiDetector.Default.Find(report.Text);
            found += spans.Count;
            foreach (var span in spans)
            {
                output.WriteLine($"{report.Id}: {span.Type.ToCode()} ({span.Rule}) '{span.Text}'");
            }

            var medical = new[] { report.Findings.Select(f => f.Text), report.Measurements.Select(m => m.Text), report.Locations };
            foreach (var texts in medical)
            {
                var list = texts.ToList();
                var offsets = GoldCorpus.ResolveInOrder(report.Text, list);
                for (var i = 0; i < list.Count; i++)
                {
                    if (offsets[i] < 0)
                    {
                        continue;
                    }

                    checkedSpans++;
                    var (start, end) = (offsets[i], offsets[i] + list[i].Length);
                    var hit = spans.FirstOrDefault(s => s.Start < end && start < s.End);
                    Assert.True(hit is null, $"{report.Id}: '{list[i]}' overlaps {hit?.Type} '{hit?.Text}' ({hit?.Rule})");
                }
            }
        }

        output.WriteLine($"{file}: {reports.Count} reports, {checkedSpans} medical spans checked, {found} identifier spans found");
        Assert.True(checkedSpans > reports.Count);
    }
}
