using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules.Scopes;

/// <summary>
/// A condition the report asks to exclude or evaluate is a possibility the radiologist raised: it is listed as
/// uncertain (not dropped, not negated) and never makes the report 危急; the same verb as a conclusion negates.
/// Sentences written for this test, not taken from the corpus.
/// </summary>
public sealed class ExclusionRequestTests
{
    [Theory]
    [InlineData("左下肢深静脉血栓形成。必要时行CTPA排除肺栓塞。", "肺栓塞")]
    [InlineData("肝右叶低密度灶，建议进一步MRI增强检查除外转移瘤。", "转移瘤")]
    [InlineData("诊断意见：右肺上叶结节。\n建议：胸部增强CT以排除肺癌。", "肺癌")]
    [InlineData("胆囊壁稍厚。建议结合临床及超声检查，以除外急性胆囊炎。", "胆囊炎")]
    public void Analyze_ChineseExclusionRequest_IsUncertain(string report, string term) =>
        AssertUncertainAndNotCritical(report, ReportLanguage.Zh, term);

    [Theory]
    [InlineData("Subtle left basilar opacity. Consider a lateral view to exclude consolidation.", "consolidation")]
    [InlineData("Wide mediastinum on a supine film. Recommend CT angiography to rule out aortic dissection.", "dissection")]
    [InlineData("FINDINGS: Right hilar fullness.\nRECOMMENDATION: Contrast-enhanced CT to exclude a central mass.", "mass")]
    [InlineData("Right upper quadrant pain. Suggest ultrasound to evaluate for cholecystitis.", "cholecystitis")]
    public void Analyze_EnglishExclusionRequest_IsUncertain(string report, string term) =>
        AssertUncertainAndNotCritical(report, ReportLanguage.En, term);

    [Theory]
    [InlineData("右腕关节诸骨形态完整，可排除骨折。", ReportLanguage.Zh, "骨折")]
    [InlineData("Intact cortices. Fracture is excluded.", ReportLanguage.En, "Fracture")]
    public void Analyze_ExclusionAsConclusion_IsNegated(string report, ReportLanguage language, string term)
    {
        var finding = Rules.Extract(report, language).FindingWith(term);

        Assert.NotNull(finding);
        Assert.True(finding.Negated, $"'{term}' not negated in '{report}'");
    }

    private static void AssertUncertainAndNotCritical(string report, ReportLanguage language, string term)
    {
        var finding = Rules.Extract(report, language).FindingWith(term);
        var urgency = Rules.Classify(report, language).Category("紧急程度");

        Assert.NotNull(finding);
        Assert.True(finding.Uncertain, $"'{term}' not uncertain in '{report}'");
        Assert.False(finding.Negated, $"'{term}' negated in '{report}'");
        Assert.NotEqual("危急", urgency);
    }
}
