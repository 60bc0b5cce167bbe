using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Json;

namespace ReportLens.Core.Tests.Grounding;

public sealed class GrounderPropertyTests
{
    [Fact]
    public void Ground_HighlightsOfReportSpansWithWrongOffsets_CutOutTheirTextAndAreIdempotent()
    {
        var gen = from report in GroundingGen.Report
                  from slices in Gen.Select(Gen.Int[0, report.Length - 1], Gen.Int[1, 12], Gen.Int[-30, 300]).Array[1, 6]
                  select (report, slices);
        gen.Sample(x =>
        {
            var report = string.Concat(x.report);
            var items = x.slices
                .Select(s => string.Concat(x.report[s.Item1..Math.Min(x.report.Length, s.Item1 + s.Item2)]))
                .Where(text => !string.IsNullOrWhiteSpace(text))
                .Select((text, i) => new HighlightItem { Text = text, Category = HighlightCategories.Abnormal, Start = x.slices[i].Item3, End = x.slices[i].Item3 + 3 })
                .ToList();
            var content = new HighlightContent { Highlights = items };

            var once = Grounder.Ground(report, content);
            var twice = Grounder.Ground(report, once.Content);

            Assert.Equal(1.0, once.GroundedFraction);
            foreach (var item in ((HighlightContent)once.Content).Highlights)
            {
                Assert.Equal(GroundingMatch.Exact, item.Grounding!.Match);
                Assert.Equal(item.Text, report[item.Start..item.End]);
                Assert.True(Grounder.IsDisplayable(item));
            }

            Assert.Equal(ReportLensJson.SerializeContent(once.Content), ReportLensJson.SerializeContent(twice.Content));
        }, iter: 1_000);
    }

    [Fact]
    public void Ground_RandomHighlights_AreIdempotentAndUngroundedAreNeverDisplayable()
    {
        var gen = from report in GroundingGen.Report
                  from needles in GroundingGen.Report.Array[1, 4]
                  from start in Gen.Int[-10, 200]
                  select (report, needles, start);
        gen.Sample(x =>
        {
            var report = string.Concat(x.report);
            var content = new HighlightContent
            {
                Highlights = [.. x.needles.Select(n => new HighlightItem { Text = string.Concat(n), Category = HighlightCategories.Diagnosis, Start = x.start })],
            };

            var once = Grounder.Ground(report, content);
            var twice = Grounder.Ground(report, once.Content);

            Assert.Equal(ReportLensJson.SerializeContent(once.Content), ReportLensJson.SerializeContent(twice.Content));
            foreach (var item in ((HighlightContent)once.Content).Highlights)
            {
                Assert.Equal(!item.Grounding!.Ungrounded, Grounder.IsDisplayable(item));
                if (Grounder.IsDisplayable(item))
                {
                    Assert.Equal(item.Grounding.SourceText, report[item.Start..item.End]);
                }
            }
        }, iter: 1_000);
    }
}
