using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineStructureTests
{
    [Fact]
    public void Analyze_ChineseSections_ImpressionIsTheDiagnosisSectionBody()
    {
        const string report = "检查所见：\n双肺纹理增多，右肺下叶见斑片影。\n诊断意见：\n右肺下叶炎症可能。\n建议：抗炎治疗后复查。";

        var extraction = Rules.Extract(report);

        Assert.Equal("右肺下叶炎症可能", extraction.Impression);
        Assert.DoesNotContain(extraction.Findings, f => f.Contains("复查", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("影像表现：肝脏形态正常。\n印象：肝脏未见异常。", "肝脏未见异常")]
    [InlineData("影像所见：双肺纹理清晰。结论：胸部CT平扫未见异常。", "胸部CT平扫未见异常")]
    [InlineData("【检查所见】脑实质未见异常密度影。【诊断】颅脑CT平扫未见异常", "颅脑CT平扫未见异常")]
    [InlineData("检查所见（经腹部）：\n子宫大小正常。\n超声提示：\n子宫未见异常。", "子宫未见异常")]
    public void Analyze_ChineseHeadings_AreRecognised(string report, string impression)
    {
        Assert.Equal(impression, Rules.Extract(report).Impression);
    }

    [Fact]
    public void Analyze_EnglishSections_HistoryIsNotAFinding()
    {
        const string report = "HISTORY: Rule out pulmonary embolism.\nFINDINGS: The lungs are clear.\nIMPRESSION: No acute cardiopulmonary process.";

        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.Equal("No acute cardiopulmonary process", extraction.Impression);
        Assert.DoesNotContain(extraction.FindingDetails, f => f.Text.Contains("embolism", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_WithoutImpressionSection_TakesTheLastDiagnosticSentence()
    {
        var extraction = Rules.Extract("胸部CT平扫：双肺纹理清晰。右肺上叶见一结节。心影不大。");

        Assert.Equal("右肺上叶见一结节", extraction.Impression);
    }

    [Fact]
    public void Analyze_Locations_AreDeduplicatedAndKeepLaterality()
    {
        var extraction = Rules.Extract("右肺上叶见结节。右肺上叶另见斑片影。左侧胸腔少量积液。");

        Assert.Equal(["右肺上叶", "左侧胸腔"], extraction.Locations);
        Assert.Equal(extraction.Locations, extraction.LocationDetails.Select(l => l.Text));
    }

    [Theory]
    [InlineData("双侧胸腔积液。", ReportLanguage.Zh)]
    [InlineData("Small pleural effusion.", ReportLanguage.En)]
    public void Analyze_OrganWordInsideAFindingTerm_IsNotALocation(string report, ReportLanguage language)
    {
        Assert.Empty(Rules.Extract(report, language).Locations);
    }

    [Theory]
    [InlineData("胸部CT平扫：\n右肺上叶见一结节。", ReportLanguage.Zh, "右肺上叶")]
    [InlineData("CT HEAD:\nHeadache. Discussed with the team. Small right frontal lobe hematoma.", ReportLanguage.En, "right frontal lobe")]
    public void Analyze_ExamTitleAndWordsThatStartLikeAnatomy_AreNotLocations(string report, ReportLanguage language, string only)
    {
        Assert.Equal([only], Rules.Extract(report, language).Locations);
    }

    [Fact]
    public void Analyze_NumberedImpression_SplitsItemsWithoutTheirNumbers()
    {
        const string report = "Impression:\n1. Right upper lobe nodule.\n2. No pleural effusion.";

        var highlights = Rules.Highlight(report, ReportLanguage.En).Highlights;

        Assert.Contains(highlights, h => h.Text == "Right upper lobe nodule" && h.Category == "diagnosis");
        Assert.Contains(highlights, h => h.Text == "No pleural effusion" && h.Negated);
    }
}
