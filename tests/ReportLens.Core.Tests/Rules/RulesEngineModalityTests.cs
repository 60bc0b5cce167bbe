using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// 检查类型 from the examination's own wording (headers, views, typical terms); a modality named only as another
/// examination (a comparison, advice) decides only when nothing else does. View words are not anatomy.
/// </summary>
public sealed class RulesEngineModalityTests
{
    [Theory]
    [InlineData("XR CHEST 2 VIEWS\nFINDINGS: The lungs are clear. No pleural effusion.")]
    [InlineData("EXAMINATION: CHEST (PA AND LAT)\nFINDINGS: Heart size is normal. No focal consolidation.")]
    [InlineData("Two views of the chest. The lungs are clear without effusion.")]
    [InlineData("CHEST, SINGLE PORTABLE AP VIEW\nThe endotracheal tube ends 5 cm above the carina.")]
    [InlineData("Frontal and lateral views: no acute osseous abnormality, lungs clear.")]
    [InlineData("Chest radiograph, PA and lateral. Mild cardiomegaly.")]
    [InlineData("CHEST PA\nIMPRESSION: Hyperinflated lungs. No focal airspace disease.")]
    [InlineData("EXAM: CHEST 2V\nThe cardiomediastinal contours are within normal limits.")]
    [InlineData("AP CHEST, 0512 HOURS: Right internal jugular catheter tip projects over the cavoatrial junction.")]
    public void Analyze_RadiographHeaderOrViewWords_IsXRay(string report)
    {
        Assert.Equal("X-Ray", Rules.Classify(report, ReportLanguage.En).Category("检查类型"));
    }

    [Theory]
    [InlineData("XR CHEST 1 VIEW\nCOMPARISON: CT chest and abdomen from last year.\nFINDINGS: Stable left basilar scarring.", "X-Ray")]
    [InlineData("PA and lateral views of the chest were obtained. Compared with the prior CT, the nodule is unchanged.", "X-Ray")]
    [InlineData("Two views of the chest. A 9 mm nodule in the right upper lobe. Chest CT is recommended for further evaluation.", "X-Ray")]
    [InlineData("Abdominal ultrasound: gallstones without wall thickening. MRCP is recommended if symptoms persist.", "超声")]
    [InlineData("MRI of the lumbar spine. Comparison with the outside CT of the same region. L4-L5 disc protrusion.", "MRI")]
    [InlineData("History: status post CT-guided biopsy of a right lung mass. Small right apical pneumothorax, no mediastinal shift. Chest 1V.", "X-Ray")]
    public void Analyze_ModalityOfAComparisonOrAdvice_DoesNotDecide(string report, string modality)
    {
        Assert.Equal(modality, Rules.Classify(report, ReportLanguage.En).Category("检查类型"));
    }

    [Fact]
    public void Analyze_ChineseModalityThatGuidedAProcedure_DoesNotDecide()
    {
        Assert.Equal("X-Ray", Rules.Classify("临床：CT引导下肺穿刺活检术后。胸部正位片示右肺尖少量气胸。").Category("检查类型"));
    }

    [Fact]
    public void Analyze_OnlyAComparedModality_StillDecidesWithLowConfidence()
    {
        var item = Rules.Classify("Compared with the prior CT, the right lower lobe nodule is unchanged.", ReportLanguage.En)
            .Classifications.Single(c => c.Dimension == "检查类型");

        Assert.Equal("CT", item.Category);
        Assert.True(item.Confidence < 0.75, $"confidence {item.Confidence}");
    }

    [Theory]
    [InlineData("Normal pulmonary vascularity. No pleural effusion or pneumothorax.")]
    [InlineData("The lungs are clear. Pulmonary vascularity is within normal limits.")]
    public void Analyze_Vascularity_IsNoUltrasoundCue(string report)
    {
        Assert.NotEqual("超声", Rules.Classify(report, ReportLanguage.En).Category("检查类型"));
    }

    [Theory]
    [InlineData("胸部正侧位：双肺纹理清晰，与前片CT比较未见新发病灶。", "X-Ray")]
    [InlineData("颅脑MR平扫：T1WI及T2WI未见异常信号，与外院CT比较无变化。", "MRI")]
    [InlineData("上腹部平扫+增强：肝右叶见低密度灶，增强扫描动脉期明显强化。", "CT")]
    [InlineData("床旁胸片：右侧气胸，建议CT进一步检查。", "X-Ray")]
    public void Analyze_ChineseExamWording_DecidesOverComparisonAndAdvice(string report, string modality)
    {
        Assert.Equal(modality, Rules.Classify(report).Category("检查类型"));
    }

    [Theory]
    [InlineData("Frontal and lateral views of the chest. The lungs are clear.")]
    [InlineData("Single frontal view of the chest: no pneumothorax.")]
    [InlineData("On the frontal radiograph the heart is normal in size.")]
    public void Analyze_FrontalView_IsNoFrontalLobe(string report)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);
        var classification = Rules.Classify(report, ReportLanguage.En);

        Assert.DoesNotContain(extraction.Locations, l => l.Contains("rontal", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("胸部", classification.Category("检查部位"));
    }

    [Theory]
    [InlineData("The right ventricle is enlarged, with flattening of the interventricular septum.", "right ventricle")]
    [InlineData("Left ventricular hypertrophy. The left atrium is dilated.", "Left ventricular")]
    public void Analyze_HeartChambers_AreCardiacAnatomy(string report, string location)
    {
        Assert.Contains(location, Rules.Extract(report, ReportLanguage.En).Locations);
        Assert.Equal("胸部", Rules.Classify(report, ReportLanguage.En).Category("检查部位"));
    }
}
