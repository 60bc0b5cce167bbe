using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules.Scopes;

/// <summary>
/// A cue inside an aside with words of its own qualifies only those words (the site, the phase, an alternative),
/// not the finding outside it nor the next list item; an aside that holds nothing but the cue qualifies the finding
/// before it. Sentences written for this test, not taken from the corpus.
/// </summary>
public sealed class ParentheticalScopeTests
{
    [Theory]
    [InlineData("诊断意见：脾破裂（下极为主可能），腹腔积血。", ReportLanguage.Zh, "脾破裂")]
    [InlineData("诊断意见：胆总管结石（末端可能）伴肝内胆管扩张。", ReportLanguage.Zh, "胆总管结石")]
    [InlineData("IMPRESSION: Right lower lobe consolidation (aspiration possible), small left effusion.", ReportLanguage.En, "consolidation")]
    public void Analyze_CueInAnAsideWithItsOwnWords_LeavesTheFindingOutsideAsserted(string report, ReportLanguage language, string term)
    {
        var finding = Rules.Extract(report, language).FindingWith(term);

        Assert.NotNull(finding);
        Assert.False(finding.Uncertain, $"'{term}' uncertain in '{report}'");
        Assert.False(finding.Negated, $"'{term}' negated in '{report}'");
    }

    [Fact]
    public void Analyze_CriticalFindingWithASiteAside_StaysCritical()
    {
        Assert.Equal("危急", Rules.Classify("诊断意见：脾破裂（下极为主可能），腹腔积血。").Category("紧急程度"));
    }

    [Theory]
    [InlineData("诊断意见：胰头占位（胰腺癌可能），肝内胆管扩张。", ReportLanguage.Zh, "胰腺癌")]
    [InlineData("IMPRESSION: Left hilar fullness (possibly lymphadenopathy).", ReportLanguage.En, "lymphadenopathy")]
    public void Analyze_FindingInsideTheAside_TakesTheAsidesCue(string report, ReportLanguage language, string term)
    {
        var finding = Rules.Extract(report, language).FindingWith(term);

        Assert.NotNull(finding);
        Assert.True(finding.Uncertain, $"'{term}' not uncertain in '{report}'");
    }

    [Theory]
    [InlineData("诊断意见：右肺上叶周围型肺癌（可能性大）。", "肺癌")]
    [InlineData("诊断意见：左肾结石（？）。", "结石")]
    public void Analyze_AsideOfOnlyACue_QualifiesTheFindingBeforeIt(string report, string term)
    {
        var finding = Rules.Extract(report).FindingWith(term);

        Assert.NotNull(finding);
        Assert.True(finding.Uncertain, $"'{term}' not uncertain in '{report}'");
    }

    [Fact]
    public void Analyze_AsideSplitByACue_NeitherPartKeepsAnUnpairedParenthesis()
    {
        var texts = Rules.Extract("诊断意见：右肺下叶片状影（考虑感染），左侧胸腔积液。").FindingDetails.Select(f => f.Text).ToList();

        Assert.All(texts, t => Assert.Equal(t.Count(c => c is '（'), t.Count(c => c is '）')));
    }
}
