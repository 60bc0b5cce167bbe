using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Tests;

public sealed class PromptLibraryTests
{
    private static readonly PromptLibrary Library = PromptLibrary.Default;

    public static TheoryData<AnnotationType, ReportLanguage> AllPrompts()
    {
        var data = new TheoryData<AnnotationType, ReportLanguage>();
        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            foreach (var language in Enum.GetValues<ReportLanguage>())
            {
                data.Add(type, language);
            }
        }

        return data;
    }

    [Fact]
    public void Version_IsTheManifestVersion() => Assert.Equal("2026-11-25.1", Library.Version);

    [Theory]
    [MemberData(nameof(AllPrompts))]
    public void Get_SameTypeAndLanguage_ReturnsIdenticalPromptEveryTime(AnnotationType type, ReportLanguage language)
    {
        var first = Library.Get(type, language);
        var second = Library.Get(type, language);

        Assert.Same(first, second);
        Assert.True(first.Length > 200);
        Assert.Contains("\"" + (type == AnnotationType.Extraction ? "findings" : type == AnnotationType.Scoring ? "overall_score" : type.ToWire() + "s") + "\"", first);
        Assert.DoesNotContain("\r", first);
        Assert.False(char.IsWhiteSpace(first[^1]));
    }

    [Theory]
    [MemberData(nameof(AllPrompts))]
    public void Get_AnyPrompt_IsInTheReportsLanguage(AnnotationType type, ReportLanguage language)
    {
        var prompt = Library.Get(type, language);

        Assert.Equal(language == ReportLanguage.Zh ? "你是" : "You are", prompt[..(language == ReportLanguage.Zh ? 2 : 7)]);
    }

    [Theory]
    [InlineData(AnnotationType.Highlight, ReportLanguage.Zh, "逐字引用")]
    [InlineData(AnnotationType.Highlight, ReportLanguage.Zh, "\"negated\": true")]
    [InlineData(AnnotationType.Highlight, ReportLanguage.Zh, "start 和 end（字符位置）可以省略")]
    [InlineData(AnnotationType.Extraction, ReportLanguage.Zh, "\"negated\": true")]
    [InlineData(AnnotationType.Highlight, ReportLanguage.En, "exactly, character for character")]
    [InlineData(AnnotationType.Highlight, ReportLanguage.En, "set \"negated\": true and do not treat it as abnormal")]
    [InlineData(AnnotationType.Highlight, ReportLanguage.En, "\"start\" and \"end\" (character offsets) are optional")]
    [InlineData(AnnotationType.Extraction, ReportLanguage.En, "\"negated\": true")]
    public void Get_Prompts_AskForExactQuotesNegationAndOptionalOffsets(AnnotationType type, ReportLanguage language, string expected) =>
        Assert.Contains(expected, Library.Get(type, language));

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void Get_ClassificationAndScoring_KeepTheSeedsChineseCodes(ReportLanguage language)
    {
        var classification = Library.Get(AnnotationType.Classification, language);
        var scoring = Library.Get(AnnotationType.Scoring, language);

        foreach (var code in new[] { "紧急程度", "正常", "异常轻微", "异常中度", "异常严重", "危急", "检查部位", "头颅", "胸部", "腹部", "四肢", "脊柱", "检查类型", "X-Ray", "超声", "是否需要随访", "是否需要进一步检查" })
        {
            Assert.Contains(code, classification);
        }

        foreach (var code in new[] { "报告完整性", "描述清晰度", "发现详细度", "测量精确度", "临床价值" })
        {
            Assert.Contains(code, scoring);
        }
    }

    [Fact]
    public void BuildUserMessage_Chinese_FollowsTheContractFormat()
    {
        var message = Library.BuildUserMessage("提取发现和部位", "双肺纹理增多，心影不大。", ReportLanguage.Zh);

        Assert.Equal("用户需求: 提取发现和部位\n\n报告内容:\n<report>\n双肺纹理增多，心影不大。\n</report>\n\n请严格按照JSON格式返回分析结果。", message);
    }

    [Fact]
    public void BuildUserMessage_English_FollowsTheContractFormat()
    {
        var message = Library.BuildUserMessage("Extract findings", "No pleural effusion.", ReportLanguage.En);

        Assert.Equal("User request: Extract findings\n\nReport:\n<report>\nNo pleural effusion.\n</report>\n\nReturn the analysis strictly as JSON.", message);
    }

    [Fact]
    public void BuildUserMessage_PromptContainingAPlaceholder_IsInsertedVerbatim()
    {
        var message = Library.BuildUserMessage("show {report_text} and {x}", "R", ReportLanguage.En);

        Assert.StartsWith("User request: show {report_text} and {x}\n", message);
        Assert.Contains("<report>\nR\n</report>", message);
    }

    [Theory]
    [InlineData(AnnotationType.Extraction, 0.3)]
    [InlineData(AnnotationType.Classification, 0.5)]
    [InlineData(AnnotationType.Highlight, 0.7)]
    [InlineData(AnnotationType.Scoring, 0.5)]
    public void DefaultTemperature_FollowsTheSeed(AnnotationType type, double expected) =>
        Assert.Equal(expected, Library.DefaultTemperature(type));

    [Fact]
    public void BuildRepairMessage_ListsEveryError()
    {
        var message = Library.BuildRepairMessage(["/highlights/0: Required properties [\"category\"] are not present (required)", "/: not JSON"], ReportLanguage.Zh);

        Assert.StartsWith("你上一次的回答不符合要求的JSON格式", message);
        Assert.Contains("- /highlights/0: Required properties [\"category\"] are not present (required)\n- /: not JSON", message);
    }
}
