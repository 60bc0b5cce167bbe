namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// Chinese vocabulary and anatomy (issue 11 item 5): disease names that hold an organ match as the disease, longest
/// first, and give no separate location; compound locations stay whole; terms across regions are known.
/// </summary>
public sealed class RulesEngineChineseVocabularyTests
{
    [Theory]
    [InlineData("影像所见：肝S7段占位，诊断意见：原发性肝细胞癌。", "原发性肝细胞癌", "肝")]
    [InlineData("诊断意见：左肺上叶尖后段周围型肺腺癌。", "周围型肺腺癌", "肺")]
    [InlineData("诊断意见：右侧卵巢子宫内膜异位囊肿。", "卵巢子宫内膜异位囊肿", "卵巢")]
    [InlineData("诊断意见：右侧肾细胞癌，伴腹膜后淋巴结转移。", "肾细胞癌", "肾")]
    public void Analyze_DiseaseNameHoldingAnOrgan_IsOneFindingAndNoLocation(string report, string finding, string organ)
    {
        var extraction = Rules.Extract(report);

        Assert.Contains(extraction.FindingDetails, f => f.Text.Contains(finding, StringComparison.Ordinal) && !f.Negated);
        Assert.DoesNotContain(organ, extraction.Locations);
    }

    [Theory]
    [InlineData("影像所见：左侧额颞顶部颅板下见新月形高密度影。", "左侧额颞顶部")]
    [InlineData("影像所见：右侧颞顶部头皮软组织肿胀。", "右侧颞顶部")]
    [InlineData("影像所见：双肺门影增大，右肺下叶见片状模糊影。", "双肺门")]
    [InlineData("影像所见：两肺门区见多发钙化淋巴结。", "两肺门区")]
    [InlineData("超声所见：左侧附件区见一混合回声包块。", "左侧附件区")]
    public void Analyze_CompoundLocation_StaysWhole(string report, string location)
    {
        Assert.Contains(location, Rules.Extract(report).Locations);
    }

    [Fact]
    public void Analyze_StructureAndItsChange_KeepsTheStructureAsALocation()
    {
        var locations = Rules.Extract("影像所见：心影增大，左侧肋膈角变钝，脑沟变浅，胆总管扩张。").Locations;

        Assert.Equal(["心影", "左侧肋膈角", "脑沟", "胆总管"], locations);
    }

    [Theory]
    [InlineData("影像所见：右肺中叶膨胀不全。", "膨胀不全")]
    [InlineData("诊断意见：右肺上叶继发性肺结核。", "继发性肺结核")]
    [InlineData("影像所见：结节内见空泡征。", "空泡征")]
    [InlineData("影像所见：病灶明显强化，可见脑膜尾征。", "脑膜尾征")]
    [InlineData("影像所见：右侧膈下见气体密度影。", "气体密度影")]
    [InlineData("影像所见：腰4椎体骨质不连续，见骨折线。", "骨质不连续")]
    [InlineData("超声所见：甲状腺左叶极低回声结节，纵横比>1。", "极低回声")]
    [InlineData("超声所见：右侧卵巢蒂部见漩涡征。", "漩涡征")]
    [InlineData("影像所见：脑沟变浅，灰白质分界不清。", "脑沟变浅")]
    public void Analyze_TermOfTheGrownLexicon_IsAnAssertedFinding(string report, string term)
    {
        var extraction = Rules.Extract(report);

        Assert.Contains(extraction.FindingDetails, f => f.Text.Contains(term, StringComparison.Ordinal) && f.Abnormal);
        Assert.NotEqual("正常", Rules.Classify(report).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_NegatedTermOfTheGrownLexicon_KeepsTheReportNormal()
    {
        var report = "影像所见：双肺未见膨胀不全及空泡征，膈下未见气体密度影。";

        Assert.Equal("正常", Rules.Classify(report).Category("紧急程度"));
        Assert.All(Rules.Extract(report).FindingDetails, f => Assert.True(f.Negated, f.Text));
    }
}
