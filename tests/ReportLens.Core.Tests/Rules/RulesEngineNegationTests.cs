using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineNegationTests
{
    [Fact]
    public void Analyze_TexturePlusNegatedLesion_KeepsAbnormalAssertedAndLesionNegated()
    {
        var extraction = Rules.Extract("双肺纹理增多，未见明显实质性病变。");

        var texture = extraction.Finding("双肺纹理增多");
        Assert.True(texture.Abnormal);
        Assert.False(texture.Negated);
        var lesion = extraction.Finding("未见明显实质性病变");
        Assert.True(lesion.Negated);
        Assert.False(lesion.Abnormal);
    }

    [Fact]
    public void Analyze_NegationBeforeBut_DoesNotReachTheNoduleAfterIt()
    {
        var extraction = Rules.Extract("未见明显异常，但右肺上叶见一结节，大小约8mm×6mm。");

        Assert.True(extraction.Finding("未见明显异常").Negated);
        var nodule = extraction.Finding("右肺上叶见一结节");
        Assert.False(nodule.Negated);
        Assert.True(nodule.Abnormal);
    }

    [Fact]
    public void Analyze_ButWithoutComma_StopsTheNegationScope()
    {
        var extraction = Rules.Extract("肝脏未见异常但胆囊内见结石。");

        Assert.Contains(extraction.FindingDetails, f => f.Negated && f.Text.Contains("异常", StringComparison.Ordinal));
        Assert.Contains(extraction.FindingDetails, f => !f.Negated && f.Abnormal && f.Text.Contains("结石", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("双肺未见明确结节。")]
    [InlineData("纵隔内无明显肿大淋巴结。")]
    [InlineData("腹腔积液阴性。")]
    [InlineData("右侧胸腔积液已吸收。")]
    [InlineData("不伴胸腔积液。")]
    [InlineData("未见残余积液。")]
    [InlineData("肺癌可能性小。")]
    public void Analyze_ChineseNegationCues_NegateEveryFinding(string report)
    {
        var extraction = Rules.Extract(report);

        Assert.NotEmpty(extraction.FindingDetails);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated && !f.Abnormal, f.Text));
    }

    [Theory]
    [InlineData("不除外肺栓塞。")]
    [InlineData("右肺下叶炎症可能。")]
    [InlineData("考虑右肺上叶肺癌。")]
    [InlineData("肝内低密度影，转移瘤待排。")]
    [InlineData("疑似左侧股骨颈骨折。")]
    public void Analyze_ChineseUncertaintyCues_MarkTheFindingUncertainNotNegated(string report)
    {
        var extraction = Rules.Extract(report);

        var uncertain = Assert.Single(extraction.FindingDetails, f => f.Uncertain);
        Assert.False(uncertain.Negated);
        Assert.True(uncertain.Abnormal);
    }

    [Fact]
    public void Analyze_NoPneumothoraxOrEffusion_NegatesBoth()
    {
        var extraction = Rules.Extract("No pneumothorax or pleural effusion.", ReportLanguage.En);

        Assert.Equal(["No pneumothorax", "pleural effusion"], extraction.Findings);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated && !f.Abnormal));
    }

    [Theory]
    [InlineData("No effusion, consolidation, or pneumothorax.")]
    [InlineData("No pneumothorax, effusion, or consolidation is seen.")]
    public void Analyze_EnglishListAfterNo_CarriesTheNegationAcrossCommas(string report)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.Equal(3, extraction.FindingDetails.Count);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated, f.Text));
    }

    [Theory]
    [InlineData("There is no pneumothorax and the heart is enlarged.", "the heart is enlarged")]
    [InlineData("No effusion, there is atelectasis.", "atelectasis")]
    public void Analyze_NewPredicateAfterANegation_IsAsserted(string report, string asserted)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.True(extraction.FindingDetails[0].Negated);
        Assert.False(extraction.Finding(asserted).Negated);
    }

    [Fact]
    public void Analyze_GradedItemAfterANegatedOne_IsANewStatement()
    {
        var extraction = Rules.Extract("No pneumothorax, moderate right pleural effusion.", ReportLanguage.En);

        Assert.True(extraction.Finding("No pneumothorax").Negated);
        Assert.False(extraction.Finding("moderate right pleural effusion").Negated);
    }

    [Fact]
    public void Analyze_SuspiciousFor_MarksPulmonaryEmbolismUncertain()
    {
        var extraction = Rules.Extract("Findings suspicious for pulmonary embolism.", ReportLanguage.En);

        var embolism = Assert.Single(extraction.FindingDetails);
        Assert.True(embolism.Uncertain);
        Assert.False(embolism.Negated);
    }

    [Theory]
    [InlineData("The previously seen pneumothorax has resolved.")]
    [InlineData("Pleural effusion is absent.")]
    [InlineData("Without evidence of fracture.")]
    [InlineData("Negative for intracranial hemorrhage.")]
    [InlineData("The lungs are free of consolidation.")]
    [InlineData("No evidence of bowel obstruction.")]
    [InlineData("Pneumonia is unlikely.")]
    public void Analyze_EnglishNegationCues_NegateTheFinding(string report)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.NotEmpty(extraction.FindingDetails);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated, f.Text));
    }

    [Fact]
    public void Analyze_FindingWithoutSecondFinding_SplitsAtTheCueAndNegatesOnlyTheSecond()
    {
        var extraction = Rules.Extract("Bilateral acute pulmonary emboli without CT evidence of right heart strain.", ReportLanguage.En);

        Assert.False(extraction.Finding("Bilateral acute pulmonary emboli").Negated);
        Assert.True(extraction.Finding("without CT evidence of right heart strain").Negated);
    }

    [Theory]
    [InlineData("Negative sonographic Murphy sign.")]
    [InlineData("No acute cardiopulmonary abnormality.")]
    public void Analyze_CueSharingWordsWithTheFinding_StillNegatesIt(string report)
    {
        Assert.True(Assert.Single(Rules.Extract(report, ReportLanguage.En).FindingDetails).Negated);
    }

    [Fact]
    public void Analyze_ConsistentWithAfterANegatedList_IsAsserted()
    {
        var extraction = Rules.Extract("Thin-walled cyst, no internal septation, solid component or internal vascularity, consistent with a simple cyst.", ReportLanguage.En);

        Assert.True(extraction.Finding("no internal septation").Negated);
        Assert.True(extraction.Finding("internal vascularity").Negated);
        Assert.False(extraction.Finding("a simple cyst").Negated);
    }

    [Fact]
    public void Analyze_LucencyWithoutLungMarkings_IsAPneumothoraxSignNotANegation()
    {
        var extraction = Rules.Extract("左侧胸腔内见无肺纹理透亮区。");

        Assert.False(Assert.Single(extraction.FindingDetails).Negated);
    }

    [Theory]
    [InlineData("考虑右肺中叶肺炎，建议抗炎治疗后复查。", ReportLanguage.Zh)]
    [InlineData("Right lung nodule. Recommend CT follow-up of the nodule in 3 months.", ReportLanguage.En)]
    public void Analyze_WhatAdviceNames_IsNotAFinding(string report, ReportLanguage language)
    {
        var extraction = Rules.Extract(report, language);

        Assert.Single(extraction.FindingDetails);
    }

    [Theory]
    [InlineData("乳腺癌术后，右肺下叶见一结节。", ReportLanguage.Zh)]
    [InlineData("Status post lobectomy for carcinoma. New 8 mm nodule in the left lower lobe.", ReportLanguage.En)]
    public void Analyze_TreatedConditionInThePast_IsNotACurrentFinding(string report, ReportLanguage language)
    {
        var extraction = Rules.Extract(report, language);

        Assert.True(extraction.FindingDetails[0].Negated);
        Assert.False(extraction.FindingDetails[1].Negated);
        Assert.Equal("异常轻微", Rules.Classify(report, language).Category("紧急程度"));
    }

    [Theory]
    [InlineData("Pneumothorax: no. Effusion: none.", ReportLanguage.En)]
    [InlineData("气胸：无。胸腔积液：阴性。", ReportLanguage.Zh)]
    public void Analyze_TemplateLineAnsweredByACue_NegatesTheLabelledFinding(string report, ReportLanguage language)
    {
        var extraction = Rules.Extract(report, language);

        Assert.Equal(2, extraction.FindingDetails.Count);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated, f.Text));
        Assert.Equal("正常", Rules.Classify(report, language).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_NoChangeInNodule_IsNotANegation()
    {
        var extraction = Rules.Extract("No change in the 6 mm nodule in the right lower lobe.", ReportLanguage.En);

        Assert.Contains(extraction.FindingDetails, f => !f.Negated && f.Text.Contains("nodule", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_AnechoicCyst_IsNotNegatedBy无回声()
    {
        var extraction = Rules.Extract("肝右叶见一无回声囊肿，大小约1.2cm×1.0cm。");

        Assert.Contains(extraction.FindingDetails, f => !f.Negated && f.Text.Contains("囊肿", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_NegationDoesNotCrossSentences()
    {
        var extraction = Rules.Extract("双肺未见渗出。左肺下叶见斑片影。");

        Assert.True(extraction.Finding("双肺未见渗出").Negated);
        Assert.False(extraction.Finding("左肺下叶见斑片影").Negated);
    }
}
