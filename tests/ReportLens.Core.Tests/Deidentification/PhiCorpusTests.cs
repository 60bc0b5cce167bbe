using ReportLens.Core.Deidentification;
using ReportLens.Core.Deidentification.Evaluation;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>Floors of issue 16 on the synthetic PHI corpus: recall per type and precision overall.</summary>
public sealed class PhiCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_HasEnoughReportsAndExactGoldSpans()
    {
        Assert.True(PhiCorpus.All.Count(r => r.Language == "zh") >= 200);
        Assert.True(PhiCorpus.All.Count(r => r.Language == "en") >= 100);
        Assert.All(PhiCorpus.All.SelectMany(r => r.Spans.Select(s => (r, s))), x => Assert.Equal(x.s.Text, x.r.Text[x.s.Start..x.s.End]));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Detector_OnSyntheticCorpus_MeetsRecallAndPrecisionFloors(string language)
    {
        var reports = PhiCorpus.All.Where(r => r.Language == language).ToList();
        var scores = PhiEvaluator.Score(reports.Select(r => (r.Spans, PhiDetector.Default.Find(r.Text))));
        output.WriteLine(PhiEvaluator.ToTable(scores));
        foreach (var report in reports)
        {
            var found = PhiDetector.Default.Find(report.Text);
            foreach (var missed in report.Spans.Where(g => !found.Any(f => f.Type == g.Type && f.Start <= g.Start && g.End <= f.End)))
            {
                output.WriteLine($"missed {report.Id} {missed.Type.ToCode()} '{missed.Text}'");
            }
        }
        var byType = scores.ToDictionary(s => s.Type);
        foreach (var type in new[] { "id_number", "phone", "record_number", "date" })
        {
            Assert.True(byType[type].Recall >= 0.99, $"{type} recall {byType[type].Recall:0.000}");
        }

        Assert.True(byType["name"].Recall >= 0.95, $"name recall {byType["name"].Recall:0.000}");
        Assert.True(byType["all"].Precision >= 0.9, $"precision {byType["all"].Precision:0.000}");
    }
}
