using ReportLens.Core.Annotations;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// Devices and post-operative material are reported as devices (highlight category "device", extraction devices),
/// never as pathology: they make no report abnormal or urgent. A stated malposition is a finding.
/// </summary>
public sealed class RulesEngineDeviceTests
{
    [Theory]
    [InlineData("Endotracheal tube terminates 4 cm above the carina. The lungs are clear.", "Endotracheal tube")]
    [InlineData("Right IJ central venous catheter with tip in the SVC. No pneumothorax.", "central venous catheter")]
    [InlineData("Left chest wall pacemaker with leads in the right atrium and ventricle.", "pacemaker")]
    [InlineData("Median sternotomy wires are intact. Heart size is normal.", "Median sternotomy wires")]
    [InlineData("Cholecystectomy clips in the right upper quadrant.", "Cholecystectomy clips")]
    [InlineData("Postoperative changes of the left hemithorax, unchanged.", "Postoperative changes")]
    [InlineData("Enteric tube courses below the diaphragm with tip in the stomach.", "Enteric tube")]
    [InlineData("Prosthetic aortic valve. No pleural effusion.", "Prosthetic aortic valve")]
    public void Analyze_Device_IsADeviceNotAFinding(string report, string device)
    {
        var all = RulesEngine.Default.AnalyzeAll(report, ReportLanguage.En);
        var highlights = ((HighlightContent)all[AnnotationType.Highlight]).Highlights;
        var extraction = (ExtractionContent)all[AnnotationType.Extraction];
        var classification = (ClassificationContent)all[AnnotationType.Classification];

        var item = Assert.Single(highlights, h => h.Category == HighlightCategories.Device);
        Assert.Contains(item.Text, device, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(item.Text, report[item.Start..item.End]);
        Assert.Equal(item.Text, Assert.Single(extraction.Devices).Text);
        Assert.DoesNotContain(highlights, h => h.Category == HighlightCategories.Abnormal);
        Assert.DoesNotContain(extraction.FindingDetails, f => f.Abnormal);
        Assert.DoesNotContain(extraction.Locations, l => device.Contains(l, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("正常", classification.Category("紧急程度"));
    }

    [Theory]
    [InlineData("No lines or tubes. The lungs are clear.")]
    [InlineData("Recommend removal of the Foley catheter.")]
    public void Analyze_DeviceNotStatedAsPresent_IsNotReported(string report)
    {
        Assert.Empty(Rules.Extract(report, ReportLanguage.En).Devices);
    }

    [Fact]
    public void Analyze_MalpositionedTube_IsAFindingAndTheTubeADevice()
    {
        const string report = "Malpositioned nasogastric tube with tip in the right lower lobe bronchus.";
        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.Contains(extraction.Devices, d => d.Text == "nasogastric tube");
        Assert.Contains(extraction.FindingDetails, f => f.Abnormal && f.Text.StartsWith("Malpositioned", StringComparison.Ordinal));
        Assert.Equal("异常严重", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_DevicesBesideACriticalFinding_DoNotHideIt()
    {
        const string report = "Left chest tube in place. Small residual left apical pneumothorax.";

        Assert.Equal("危急", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
        Assert.Single(Rules.Extract(report, ReportLanguage.En).Devices);
    }
}
