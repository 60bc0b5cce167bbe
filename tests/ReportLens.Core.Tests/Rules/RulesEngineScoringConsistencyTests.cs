using System.Text.RegularExpressions;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// Issue 11, kind 8: the score reasons and 紧急程度 come from the same facts. A report the engine classifies abnormal
/// never gets a "normal report" reason, and a normal one never gets an "abnormal" reason, on every gold report and
/// on variants made from them (measurements removed, so the no-measurement branches run on abnormal reports too).
/// </summary>
public sealed partial class RulesEngineScoringConsistencyTests
{
    public static TheoryData<string> GoldFiles() =>
        [.. GoldFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "data", "corpus")).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Analyze_GoldReportsAndVariants_ScoreReasonsAgreeWithUrgency(string file)
    {
        var reports = GoldFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "corpus", file));
        var checkedAbnormal = 0;
        foreach (var gold in reports)
        {
            LanguageDetector.TryParse(gold.Language, out var language);
            var withoutMeasurements = gold.Measurements.Aggregate(gold.Text, (text, m) => text.Replace(m.Text, "", StringComparison.Ordinal));
            foreach (var (variant, text) in new[] { ("gold", gold.Text), ("no measurements", withoutMeasurements) })
            {
                var all = RulesEngine.Default.AnalyzeAll(text, language);
                var urgency = ((ClassificationContent)all[AnnotationType.Classification]).Classifications.Single(c => c.Dimension == ClassificationVocabulary.Urgency).Category;
                var reasons = string.Join(" | ", ((ScoringContent)all[AnnotationType.Scoring]).Scores.Select(s => s.Reason));
                var normal = urgency == ClassificationVocabulary.Normal;
                checkedAbnormal += normal ? 0 : 1;

                Assert.False(!normal && NormalReason().IsMatch(reasons), $"{gold.Id} ({variant}) is {urgency} but a reason calls it normal: {reasons}");
                Assert.False(normal && AbnormalReason().IsMatch(reasons), $"{gold.Id} ({variant}) is 正常 but a reason calls it abnormal: {reasons}");
            }
        }

        Assert.True(checkedAbnormal > 0);
    }

    [Fact]
    public void Analyze_AbnormalReportWithoutMeasurement_DoesNotCallItselfNormal()
    {
        var scoring = Rules.Score("Chest radiograph PA. Findings: Right lower lobe consolidation. Impression: Right lower lobe pneumonia.", ReportLanguage.En);

        var precision = scoring.Scores.Single(s => s.Dimension == "测量精确度");
        Assert.DoesNotContain("normal report", precision.Reason, StringComparison.Ordinal);
        Assert.Contains("no finding that needs a size", precision.Reason, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<!ab)normal report|阴性报告")]
    private static partial Regex NormalReason();

    [GeneratedRegex(@"\d+ abnormal finding|abnormal report|项异常发现|异常报告|异常发现无需")]
    private static partial Regex AbnormalReason();
}
