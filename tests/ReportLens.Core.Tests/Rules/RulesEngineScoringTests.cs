using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineScoringTests
{
    private const string Complete = "胸部CT平扫：\n检查所见：右肺上叶尖段见一实性结节，大小约8mm×6mm，边界清。双侧胸腔未见积液。\n诊断意见：右肺上叶实性结节。\n建议：6个月后复查胸部CT。";
    private const string Sparse = "肺部结节，可能炎症，考虑感染可能。";

    [Fact]
    public void Analyze_Scores_CoverTheFiveDimensionsWithReasons()
    {
        var scoring = Rules.Score(Complete);

        Assert.Equal(["报告完整性", "描述清晰度", "发现详细度", "测量精确度", "临床价值"], scoring.Scores.Select(s => s.Dimension));
        Assert.All(scoring.Scores, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal((int)Math.Round(scoring.Scores.Average(s => s.Score), MidpointRounding.AwayFromZero), scoring.OverallScore);
    }

    [Fact]
    public void Analyze_CompleteReport_ScoresHigherThanSparseOneOnEveryStructuralDimension()
    {
        var complete = Rules.Score(Complete).Scores.ToDictionary(s => s.Dimension, s => s.Score);
        var sparse = Rules.Score(Sparse).Scores.ToDictionary(s => s.Dimension, s => s.Score);

        Assert.True(complete["报告完整性"] > sparse["报告完整性"]);
        Assert.True(complete["描述清晰度"] > sparse["描述清晰度"]);
        Assert.True(complete["测量精确度"] > sparse["测量精确度"]);
        Assert.True(complete["临床价值"] > sparse["临床价值"]);
    }

    [Fact]
    public void Analyze_MissingImpression_IsNamedInTheCompletenessReason()
    {
        var completeness = Rules.Score(Sparse).Scores.Single(s => s.Dimension == "报告完整性");

        Assert.Contains("缺", completeness.Reason, StringComparison.Ordinal);
        Assert.Contains("诊断意见", completeness.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_VagueWords_AreCountedInTheClarityReason()
    {
        var clarity = Rules.Score(Sparse).Scores.Single(s => s.Dimension == "描述清晰度");

        Assert.Contains("3处", clarity.Reason, StringComparison.Ordinal);
        Assert.True(clarity.Score < 100);
    }

    [Fact]
    public void Analyze_EnglishReport_GivesEnglishReasons()
    {
        var scoring = Rules.Score("FINDINGS: 6 mm nodule in the right upper lobe.\nIMPRESSION: Right upper lobe nodule.", ReportLanguage.En);

        Assert.Contains("impression", scoring.Scores[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("分", scoring.Scores[0].Reason, StringComparison.Ordinal);
    }
}
