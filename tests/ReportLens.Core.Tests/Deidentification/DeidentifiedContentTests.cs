using ReportLens.Core.Annotations;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>Content a model made from de-identified text, grounded there and brought back onto the original report.</summary>
public sealed class DeidentifiedContentTests
{
    private const string Report =
        "姓名：张三  住院号：ZY20230012  身份证号：110105198003071234\n检查日期：2023-05-03\n" +
        "检查所见：右肺上叶见结节，大小约8mm×6mm。危急值已通知张三。\n诊断意见：右肺上叶结节。\n报告医师：李四";

    [Fact]
    public void ToOriginal_Highlights_CutOutTheOriginalTextAndRestoreSurrogatesInTheirText()
    {
        var deid = new Deidentifier().Deidentify(Report);
        var content = new HighlightContent
        {
            Highlights =
            [
                new HighlightItem { Text = "大小约8mm×6mm", Category = "measurement" },
                new HighlightItem { Text = "已通知[姓名1]", Category = "abnormal", Reason = "[姓名1]知晓" },
                new HighlightItem { Text = "诊断意见：右肺上叶结节", Category = "diagnosis" },
            ],
        };

        var grounded = Grounder.Ground(deid.Text, content);
        var mapped = Assert.IsType<HighlightContent>(DeidentifiedContent.ToOriginal(grounded.Content, deid));

        Assert.Equal(["大小约8mm×6mm", "已通知张三", "诊断意见：右肺上叶结节"], mapped.Highlights.Select(h => Report[h.Start..h.End]));
        Assert.All(mapped.Highlights, h =>
        {
            Assert.True(Grounder.IsDisplayable(h));
            Assert.Equal(Report[h.Start..h.End], h.Grounding!.SourceText);
            Assert.Equal(Report[h.Start..h.End], h.Text);
            Assert.Equal(new TextLocator(Report).ToCodePoint(h.Start), h.Grounding.CodePointStart);
        });
        Assert.Equal("张三知晓", mapped.Highlights[1].Reason);
    }

    [Fact]
    public void ToOriginal_KeepsTheMatchKindAndLeavesUngroundedItemsUngrounded()
    {
        var deid = new Deidentifier().Deidentify(Report);
        var content = new ExtractionContent
        {
            Findings = ["右肺上叶 见结节", "左肺下叶肿块"],
            Measurements = [new Measurement { Item = "结节", Value = "8×6", Unit = "mm" }],
        };

        var mapped = Assert.IsType<ExtractionContent>(DeidentifiedContent.ToOriginal(Grounder.Ground(deid.Text, content).Content, deid));

        var found = mapped.FindingDetails[0].Grounding!;
        Assert.NotEqual(GroundingMatch.Exact, found.Match);
        Assert.Equal(Report[found.Start!.Value..found.End!.Value], found.SourceText);
        Assert.Contains("结节", found.SourceText, StringComparison.Ordinal);
        Assert.True(mapped.FindingDetails[1].Grounding!.Ungrounded);
        var measurement = mapped.Measurements[0].Grounding!;
        Assert.Equal("8mm×6mm", Report[measurement.Start!.Value..measurement.End!.Value]);
    }

    [Fact]
    public void ToDeidentified_StoredHighlights_MoveOntoTheDeidentifiedTextWithIdentifiersConcealed()
    {
        var deid = new Deidentifier().Deidentify(Report);
        var stored = Grounder.Ground(Report, new HighlightContent
        {
            Highlights =
            [
                new HighlightItem { Text = "大小约8mm×6mm", Category = "measurement" },
                new HighlightItem { Text = "已通知张三", Category = "abnormal" },
            ],
        }).Content;

        var moved = Assert.IsType<HighlightContent>(DeidentifiedContent.ToDeidentified(stored, deid));

        Assert.Equal(["大小约8mm×6mm", "已通知[姓名1]"], moved.Highlights.Select(h => deid.Text[h.Start..h.End]));
        Assert.All(moved.Highlights, h => Assert.Equal(deid.Text[h.Start..h.End], h.Text));
        Assert.All(moved.Highlights, h => Assert.Equal(h.Text, h.Grounding!.SourceText));
    }
}
