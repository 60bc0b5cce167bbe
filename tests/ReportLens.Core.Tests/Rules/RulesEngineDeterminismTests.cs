using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineDeterminismTests
{
    [Fact]
    public void Analyze_SameReportTwice_GivesIdenticalJson()
    {
        foreach (var (report, language) in SampleReportsByModality.All)
        {
            foreach (var type in Enum.GetValues<AnnotationType>())
            {
                var first = ReportLensJson.SerializeContent(RulesEngine.Default.Analyze(report, type, language));
                var second = ReportLensJson.SerializeContent(new RulesEngine().Analyze(report, type, language));
                Assert.Equal(first, second);
            }
        }
    }

    [Fact]
    public void Analyze_InParallel_GivesTheSameResultsAsSequentially()
    {
        var jobs = SampleReportsByModality.All
            .SelectMany(r => Enum.GetValues<AnnotationType>().Select(t => (r.Text, r.Language, Type: t)))
            .ToArray();
        var expected = jobs.Select(j => ReportLensJson.SerializeContent(RulesEngine.Default.Analyze(j.Text, j.Type, j.Language))).ToArray();

        var actual = new string[jobs.Length * 20];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var job = jobs[i % jobs.Length];
            actual[i] = ReportLensJson.SerializeContent(RulesEngine.Default.Analyze(job.Text, job.Type, job.Language));
        });

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % jobs.Length], actual[i]);
        }
    }

    [Fact]
    public void AnalyzeAll_MatchesEachTypeAnalysedAlone()
    {
        var (report, language) = SampleReportsByModality.All[0];

        var all = RulesEngine.Default.AnalyzeAll(report, language);

        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            Assert.Equal(
                ReportLensJson.SerializeContent(RulesEngine.Default.Analyze(report, type, language)),
                ReportLensJson.SerializeContent(all[type]));
        }
    }

    [Fact]
    public void AnalyzeAll_VeryLongReport_StaysNearLinear()
    {
        var report = string.Concat(Enumerable.Repeat("双肺纹理增多，右肺上叶见一结节，大小约8mm×6mm，未见胸腔积液及气胸，建议随访。", 2_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var all = RulesEngine.Default.AnalyzeAll(report, ReportLanguage.Zh);

        // A quadratic pass would take minutes on ~90k characters; the bound is loose for a shared CI machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(2_000, ((ExtractionContent)all[AnnotationType.Extraction]).Measurements.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("。，；")]
    [InlineData("IMPRESSION:")]
    [InlineData("骨质。")]
    public void Analyze_EmptyOrDegenerateReport_ReturnsEmptyButValidContent(string report)
    {
        var extraction = Rules.Extract(report);
        var scoring = Rules.Score(report);

        Assert.Empty(extraction.FindingDetails);
        Assert.Equal(5, scoring.Scores.Count);
        var classification = Rules.Classify(report);
        Assert.Equal("正常", classification.Category("紧急程度"));
        Assert.All(classification.Classifications, c => Assert.InRange(c.Confidence, 0.01, 1));
    }
}
