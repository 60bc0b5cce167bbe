using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Merging;
using ReportLens.Core.Tests.Grounding;

namespace ReportLens.Core.Tests.Merging;

public sealed class EngineMergerPropertyTests
{
    private static readonly Gen<(string Report, List<HighlightItem> Items)> Highlights =
        from report in GroundingGen.Report
        from slices in Gen.Select(Gen.Int[0, report.Length - 1], Gen.Int[1, 10], Gen.OneOf([.. HighlightCategories.All]), Gen.Bool).Array[0, 6]
        select (string.Concat(report), slices
            .Select(s => (Text: string.Concat(report[s.Item1..Math.Min(report.Length, s.Item1 + s.Item2)]), Category: s.Item3, Negated: s.Item4))
            .Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .Select(s => new HighlightItem { Text = s.Text, Category = s.Category, Negated = s.Negated })
            .ToList());

    [Fact]
    public void Merge_EnginesThatAgree_AgreeFullyWithoutContradictions()
    {
        Highlights.Sample(x =>
        {
            var content = new HighlightContent { Highlights = x.Items };

            var result = GroundedMerge.Of(x.Report, content, content);

            Assert.Equal(1.0, result.AgreementRatio);
            Assert.Empty(result.Contradictions);
            Assert.All(((HighlightContent)result.Content).Highlights, h => Assert.Equal(("both", true), (h.Source, h.Agreed)));
            Assert.Equal(x.Items.Count, ((HighlightContent)result.Content).Highlights.Count);
        });
    }

    [Fact]
    public void Merge_RulesNegatingEveryFinding_ContradictsEachAbnormalItem()
    {
        Highlights.Sample(x =>
        {
            var llm = new HighlightContent { Highlights = x.Items };
            var rules = new HighlightContent { Highlights = [.. x.Items.Select(h => h with { Negated = !h.Negated })] };
            var findings = x.Items.Count(h => h.Category is HighlightCategories.Abnormal or HighlightCategories.Diagnosis);

            var result = GroundedMerge.Of(x.Report, llm, rules);

            Assert.Equal(findings, result.ContradictionCount);
            Assert.Equal(x.Items.Count == 0 ? 1.0 : 0.0, result.AgreementRatio);
            Assert.Equal(2 * x.Items.Count, ((HighlightContent)result.Content).Highlights.Count);
        });
    }

    [Fact]
    public void Merge_AnyHighlights_KeepsEveryItemOnceAndRatioInUnitInterval()
    {
        Gen.Select(Highlights, Highlights).Sample((a, b) =>
        {
            var llm = new HighlightContent { Highlights = a.Items };
            var rules = new HighlightContent { Highlights = b.Items };

            var result = GroundedMerge.Of(a.Report, llm, rules);
            var merged = ((HighlightContent)result.Content).Highlights;
            var agreed = merged.Count(h => h.Agreed);

            Assert.InRange(result.AgreementRatio, 0, 1);
            Assert.Equal(a.Items.Count + b.Items.Count - agreed, merged.Count);
            Assert.All(merged, h => Assert.Equal(h.Agreed, h.Source == "both"));
            Assert.All(merged.Where(h => h.Grounding is { Ungrounded: false }), h => Assert.Equal(h.Grounding!.SourceText, a.Report[h.Start..h.End]));
        });
    }
}
