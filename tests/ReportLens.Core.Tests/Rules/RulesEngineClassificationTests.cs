using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineClassificationTests
{
    [Theory]
    [InlineData("右侧气胸，肺组织压缩约30%。")]
    [InlineData("主动脉夹层（Stanford A型）。")]
    [InlineData("左侧基底节区脑出血，出血量约20ml。")]
    [InlineData("双侧肺动脉栓塞。")]
    [InlineData("膈下游离气体，考虑消化道穿孔。")]
    [InlineData("小肠扩张积液，见多发气液平面，提示肠梗阻。")]
    public void Analyze_AssertedCriticalFinding_IsUrgent(string report)
    {
        Assert.Equal("危急", Rules.Classify(report).Category("紧急程度"));
    }

    [Theory]
    [InlineData("No pneumothorax.", "正常")]
    [InlineData("Large left pneumothorax with mediastinal shift.", "危急")]
    [InlineData("Acute aortic dissection involving the ascending aorta.", "危急")]
    [InlineData("Small subdural hematoma along the left convexity.", "危急")]
    public void Analyze_EnglishCriticalFindings_AreUrgentOnlyWhenAsserted(string report, string urgency)
    {
        Assert.Equal(urgency, Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_NegatedCriticalFinding_IsNotUrgent()
    {
        var classification = Rules.Classify("双肺纹理清晰，未见气胸及胸腔积液。");

        Assert.Equal("正常", classification.Category("紧急程度"));
    }

    [Fact]
    public void Analyze_UncertainCriticalFinding_IsSevereAndNeedsFurtherExamination()
    {
        var classification = Rules.Classify("右肺动脉分支充盈欠佳，不除外肺栓塞。");

        Assert.Equal("异常严重", classification.Category("紧急程度"));
        Assert.Equal("是", classification.Category("是否需要进一步检查"));
    }

    [Theory]
    [InlineData("右侧胸腔少量积液。", "异常轻微")]
    [InlineData("右侧胸腔积液。", "异常中度")]
    [InlineData("右侧胸腔大量积液，右肺受压不张。", "异常严重")]
    [InlineData("Small left pleural effusion.", "异常轻微")]
    [InlineData("Severe hydronephrosis of the left kidney.", "异常严重")]
    [InlineData("Small left pneumothorax.", "危急")]
    public void Analyze_SeverityModifier_MovesUrgencyOneStepButNeverOutOfCritical(string report, string urgency)
    {
        var language = LanguageDetector.Detect(report);

        Assert.Equal(urgency, Rules.Classify(report, language).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_PetCtWholeBody_IsOtherModalityAndBodyPart()
    {
        var classification = Rules.Classify("检查方法：18F-FDG PET/CT全身显像。\n检查所见：纵隔见多发肿大淋巴结，FDG摄取增高，SUVmax约8.5。");

        Assert.Equal("其他", classification.Category("检查类型"));
        Assert.Equal("其他", classification.Category("检查部位"));
    }

    [Theory]
    [InlineData("胸部CT平扫：双肺纹理清晰。", "CT")]
    [InlineData("头颅MRI：T2WI及FLAIR未见异常信号。", "MRI")]
    [InlineData("胸部DR正位片：心肺膈未见异常。", "X-Ray")]
    [InlineData("腹部B超：肝脏大小形态正常，回声均匀。", "超声")]
    [InlineData("彩超示甲状腺右叶低回声结节。", "超声")]
    public void Analyze_ChineseModality_IsNamed(string report, string modality)
    {
        Assert.Equal(modality, Rules.Classify(report).Category("检查类型"));
    }

    [Theory]
    [InlineData("PA and lateral chest radiograph. The lungs are clear.", "X-Ray", "胸部")]
    [InlineData("Abdominal ultrasound: the liver is normal in echotexture.", "超声", "腹部")]
    [InlineData("MRI of the lumbar spine: L4-L5 disc protrusion.", "MRI", "脊柱")]
    [InlineData("CT head without contrast: no acute intracranial abnormality.", "CT", "头颅")]
    [InlineData("X-ray of the right knee: no fracture.", "X-Ray", "四肢")]
    public void Analyze_EnglishModalityAndBodyPart_AreClassified(string report, string modality, string bodyPart)
    {
        var classification = Rules.Classify(report, ReportLanguage.En);

        Assert.Equal(modality, classification.Category("检查类型"));
        Assert.Equal(bodyPart, classification.Category("检查部位"));
    }

    [Theory]
    [InlineData("头颅CT平扫：左侧基底节区腔隙性脑梗死。", "头颅")]
    [InlineData("胸部CT：右肺上叶结节。", "胸部")]
    [InlineData("上腹部CT：肝右叶囊肿，胆囊结石。", "腹部")]
    [InlineData("腰椎MRI：L4/5椎间盘突出，硬膜囊受压。", "脊柱")]
    [InlineData("右膝关节MRI：内侧半月板后角撕裂。", "四肢")]
    public void Analyze_ChineseBodyPart_ComesFromAnatomy(string report, string bodyPart)
    {
        Assert.Equal(bodyPart, Rules.Classify(report).Category("检查部位"));
    }

    [Fact]
    public void Analyze_ModalityNamedOnlyInAdvice_DoesNotOutvoteTheReportsOwnWording()
    {
        var classification = Rules.Classify("Liver demonstrates a 2.3 cm hypoechoic lesion, indeterminate; MRI is recommended for further characterization.", ReportLanguage.En);

        Assert.Equal("超声", classification.Category("检查类型"));
        Assert.Equal("是", classification.Category("是否需要进一步检查"));
    }

    [Fact]
    public void Analyze_ModalityNamedOnlyInAdvice_IsStillTheBestGuess()
    {
        Assert.Equal("CT", Rules.Classify("右肺上叶磨玻璃结节。建议：12个月后低剂量CT复查。").Category("检查类型"));
    }

    [Fact]
    public void Analyze_RecommendationOfFollowUp_SetsFollowUp()
    {
        var classification = Rules.Classify("右肺上叶磨玻璃结节。建议6个月后复查胸部CT。");

        Assert.Equal("是", classification.Category("是否需要随访"));
    }

    [Fact]
    public void Analyze_RecommendationOfEnhancedScan_SetsFurtherExamination()
    {
        var classification = Rules.Classify("肝右叶低密度影，建议增强扫描进一步检查。");

        Assert.Equal("是", classification.Category("是否需要进一步检查"));
    }

    [Theory]
    [InlineData("Simple left renal cyst, no follow-up required.", ReportLanguage.En)]
    [InlineData("RECOMMENDATION:\nNo follow-up imaging is required.", ReportLanguage.En)]
    [InlineData("肝囊肿，建议：无需随访。", ReportLanguage.Zh)]
    public void Analyze_NegatedFollowUpAdvice_IsNotFollowUp(string report, ReportLanguage language)
    {
        Assert.Equal("否", Rules.Classify(report, language).Category("是否需要随访"));
    }

    [Fact]
    public void Analyze_NoduleAloneWithoutAdvice_ImpliesFollowUp()
    {
        var classification = Rules.Classify("右肺下叶见一实性结节，直径约5mm。");

        Assert.Equal("是", classification.Category("是否需要随访"));
        Assert.True(classification.Classifications.Single(c => c.Dimension == "是否需要随访").Confidence < 0.9);
    }

    [Fact]
    public void Analyze_NormalReport_NeedsNeitherFollowUpNorFurtherExamination()
    {
        var classification = Rules.Classify("胸部CT平扫：双肺纹理清晰，未见明显异常。纵隔未见肿大淋巴结。");

        Assert.Equal("正常", classification.Category("紧急程度"));
        Assert.Equal("否", classification.Category("是否需要随访"));
        Assert.Equal("否", classification.Category("是否需要进一步检查"));
    }

    [Fact]
    public void Analyze_EveryDimension_HasConfidenceBetweenZeroAndOne()
    {
        var classification = Rules.Classify("Recommend follow-up CT in 3 months for the 6 mm nodule.", ReportLanguage.En);

        Assert.Equal(["紧急程度", "检查部位", "检查类型", "是否需要随访", "是否需要进一步检查"], classification.Classifications.Select(c => c.Dimension));
        Assert.All(classification.Classifications, c => Assert.InRange(c.Confidence, 0.01, 1));
        Assert.Equal("是", classification.Category("是否需要随访"));
        Assert.Equal("否", classification.Category("是否需要进一步检查"));
    }

    [Fact]
    public void Classify_CriticalReport_UrgencyNamesEveryDecidingFindingAtItsSpan()
    {
        const string reportText = "FINDINGS: Large left pneumothorax. Small right pleural effusion.\nIMPRESSION: Left pneumothorax.";

        var urgency = Rules.Classify(reportText, ReportLanguage.En).Classifications.Single(c => c.Dimension == "紧急程度");

        Assert.Equal("危急", urgency.Category);
        Assert.Equal(2, urgency.Findings!.Count);
        Assert.All(urgency.Findings, f =>
        {
            Assert.Contains("pneumothorax", f.Text, StringComparison.Ordinal);
            Assert.Equal(f.Text, reportText[f.Grounding!.Start!.Value..f.Grounding.End!.Value]);
        });
        Assert.Equal(urgency.Findings[0].Text, urgency.Evidence);
        Assert.Equal(urgency.Findings[0].Grounding!.Start, urgency.EvidenceGrounding!.Start);
        Assert.DoesNotContain(urgency.Findings, f => f.Text.Contains("effusion", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_UrgencyBasis_IsSerialisedSnakeCaseNextToTheEvidence()
    {
        var urgency = Rules.Classify("胸部CT：右侧气胸，肺组织压缩约30%。").Classifications.Single(c => c.Dimension == "紧急程度");

        var json = System.Text.Json.JsonSerializer.Serialize(urgency, ReportLens.Core.Json.ReportLensJson.Options);

        Assert.Contains("\"evidence\":", json, StringComparison.Ordinal);
        Assert.Contains("\"findings\":[{\"text\":", json, StringComparison.Ordinal);
        Assert.Contains("\"start\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NormalReport_HasNoUrgencyFindings()
    {
        var urgency = Rules.Classify("胸部CT平扫：双肺未见结节。心影不大。诊断意见：胸部CT平扫未见异常。").Classifications.Single(c => c.Dimension == "紧急程度");

        Assert.Equal("正常", urgency.Category);
        Assert.Null(urgency.Findings);
    }

    [Theory]
    [InlineData("FINDINGS: Right lower lobe consolidation.\nIMPRESSION: Right lower lobe pneumonia.", "FINDINGS: Right lower lobe consolidation.\nIMPRESSION: Possible right lower lobe pneumonia.")]
    [InlineData("FINDINGS: Small left pleural effusion.\nIMPRESSION: Small left pleural effusion.", "FINDINGS: Small left pleural effusion.\nIMPRESSION: No pleural effusion.")]
    public void Extract_FindingConfidence_IsLowerWhenTheReadingIsLessSure(string clear, string unsure)
    {
        static double Least(string report) => Rules.Extract(report, ReportLanguage.En).FindingDetails.Min(f => f.Confidence!.Value);

        Assert.True(Least(unsure) < Least(clear), $"{Least(unsure)} !< {Least(clear)}");
        Assert.All(Rules.Extract(unsure, ReportLanguage.En).FindingDetails, f => Assert.NotEmpty(f.Confidence!.Factors));
    }
}
