using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>The critical findings a report asserts: what opens a critical-finding case. Sentences written for this test.</summary>
public sealed class CriticalFindingsTests
{
    [Fact]
    public void Find_AssertedEnglishPneumothorax_ReturnsTermCategoryAndSpan()
    {
        const string report = "Findings: Large right pneumothorax with mediastinal shift. Impression: Right pneumothorax.";

        var found = CriticalFindings.Find(report, ReportLanguage.En, TestContext.Current.CancellationToken);

        var finding = Assert.Single(found);
        Assert.Equal("pneumothorax", finding.Term);
        Assert.Equal("chest", finding.Category);
        Assert.Equal(report.IndexOf("pneumothorax", StringComparison.Ordinal), finding.Start);
        Assert.Equal("pneumothorax", report[finding.Start..finding.End]);
    }

    [Fact]
    public void Find_AssertedChineseFindings_ReturnsEachTermOnce()
    {
        const string report = "检查所见：右侧气胸，肺组织压缩约40%。诊断意见：1.右侧气胸。2.主动脉夹层。";

        var found = CriticalFindings.Find(report, ReportLanguage.Zh, TestContext.Current.CancellationToken);

        Assert.Equal(["气胸", "主动脉夹层"], found.Select(f => f.Term));
        Assert.All(found, f => Assert.Equal(f.Term, report[f.Start..f.End]));
        Assert.Equal("vascular", found[1].Category);
    }

    [Theory]
    [InlineData("No pneumothorax. Lungs are clear.")]
    [InlineData("Possible small pneumothorax at the apex.")]
    [InlineData("Lungs are clear. Portable technique is limited for the detection of pneumothorax.")]
    [InlineData("Clear lungs. Recommend chest CT to evaluate for aortic dissection.")]
    [InlineData("Mild cardiomegaly. Small pleural effusion.")]
    public void Find_NegatedUncertainHypotheticalOrNonCritical_ReturnsNothing(string report)
    {
        Assert.Empty(CriticalFindings.Find(report, ReportLanguage.En, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("双肺纹理清晰，未见气胸。")]
    [InlineData("右肺尖可疑少量气胸，建议复查。")]
    [InlineData("双肺纹理清晰。建议行CTA检查以除外主动脉夹层。")]
    public void Find_ChineseNotAsserted_ReturnsNothing(string report)
    {
        Assert.Empty(CriticalFindings.Find(report, ReportLanguage.Zh, TestContext.Current.CancellationToken));
    }
}
