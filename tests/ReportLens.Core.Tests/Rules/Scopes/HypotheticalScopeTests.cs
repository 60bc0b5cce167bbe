using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules.Scopes;

/// <summary>
/// A limit of the exam or a condition to check is not a finding: it is shown as uncertain and never raises the
/// urgency, least of all to 危急. Sentences written for this test, not taken from the corpus.
/// </summary>
public sealed class HypotheticalScopeTests
{
    [Theory]
    [InlineData("Lungs are clear. A supine film is limited for evaluation of free air.", "free air")]
    [InlineData("Lungs are clear. Portable technique is limited for the detection of pneumothorax.", "pneumothorax")]
    [InlineData("No acute findings. CT is more sensitive for detecting small pulmonary nodules.", "nodule")]
    [InlineData("Clear lungs. Recommend chest CT to evaluate for aortic dissection.", "dissection")]
    [InlineData("Clear lungs. Follow-up radiograph to exclude pneumonia.", "pneumonia")]
    [InlineData("Lungs are clear. Subtle rib fractures may not be demonstrated.", "fracture")]
    public void Analyze_HypotheticalEnglishMention_IsUncertainAndNotCritical(string report, string term)
    {
        var finding = Rules.Extract(report, ReportLanguage.En).FindingWith(term);
        var urgency = Rules.Classify(report, ReportLanguage.En).Category("紧急程度");

        // A recommendation sentence may list nothing at all; what it lists must not be asserted.
        Assert.True(finding is null || finding.Uncertain || finding.Negated, $"'{term}' asserted in '{report}'");
        Assert.Equal("正常", urgency);
    }

    [Theory]
    [InlineData("双肺纹理清晰。建议行CTA检查以除外主动脉夹层。", "主动脉夹层")]
    [InlineData("心肺膈未见异常。必要时复查除外气胸。", "气胸")]
    [InlineData("头颅CT平扫未见异常。建议MRI检查以排除脑梗死。", "脑梗死")]
    public void Analyze_HypotheticalChineseMention_IsNotAssertedAndNotCritical(string report, string term)
    {
        var finding = Rules.Extract(report).FindingWith(term);
        var urgency = Rules.Classify(report).Category("紧急程度");

        // A recommendation sentence may list nothing at all; what it lists must not be asserted.
        Assert.True(finding is null || finding.Uncertain || finding.Negated, $"'{term}' asserted in '{report}'");
        Assert.NotEqual("危急", urgency);
    }

    [Theory]
    [InlineData("Large right pneumothorax with mediastinal shift.", ReportLanguage.En)]
    [InlineData("右侧大量气胸，纵隔左移。", ReportLanguage.Zh)]
    public void Analyze_StatedCriticalFinding_StillCritical(string report, ReportLanguage language)
    {
        Assert.Equal("危急", Rules.Classify(report, language).Category("紧急程度"));
    }
}
