using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// Chinese devices (zh/devices.tsv) are reported as devices, never as findings, and an operation in the history
/// (术后) states the device it left. Sentences written for this test, not taken from the corpus.
/// </summary>
public sealed class ChineseDeviceTests
{
    [Theory]
    [InlineData("影像所见：永久起搏器植入术后，起搏导线位于右心室。双肺纹理清晰。", "起搏器")]
    [InlineData("影像所见：左侧胸腔闭式引流管留置，左肺复张良好。", "闭式引流管")]
    [InlineData("影像所见：胸骨正中切开术后，见胸骨钢丝影。心影不大。", "胸骨钢丝")]
    [InlineData("影像所见：右股骨颈骨折内固定术后，见螺钉影，位置良好。", "螺钉")]
    [InlineData("影像所见：经右侧颈内静脉置管，导管尖端位于上腔静脉。", "颈内静脉置管")]
    public void Analyze_StatedDevice_IsADeviceAndNoFinding(string report, string device)
    {
        var extraction = Rules.Extract(report, ReportLanguage.Zh);

        Assert.Contains(extraction.Devices, d => d.Text.Contains(device, StringComparison.Ordinal));
        Assert.DoesNotContain(extraction.FindingDetails, f => f.Text.Contains(device, StringComparison.Ordinal));
        Assert.Equal("正常", Rules.Classify(report, ReportLanguage.Zh).Category("紧急程度"));
    }

    [Theory]
    [InlineData("影像所见：未见引流管影。双肺清晰。")]
    [InlineData("影像所见：双肺纹理清晰。\n建议：必要时行胸腔引流管置入。")]
    public void Analyze_AbsentOrAdvisedDevice_IsNoDevice(string report)
    {
        Assert.Empty(Rules.Extract(report, ReportLanguage.Zh).Devices);
    }

    [Theory]
    [InlineData("超声所见：右乳外上象限导管扩张，内见导管内乳头状瘤样回声。")]
    [InlineData("超声所见：双肾大小正常，双侧输尿管未见扩张。")]
    public void Analyze_DuctOrUreterWords_AreNoDevice(string report)
    {
        Assert.Empty(Rules.Extract(report, ReportLanguage.Zh).Devices);
    }
}
