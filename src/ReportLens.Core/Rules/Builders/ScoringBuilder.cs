using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The five quality scores, each computed from what the report contains (weights in docs/rules-engine.md), with
/// the reason spelled out from the same facts. Overall is the rounded mean.
/// </summary>
internal static class ScoringBuilder
{
    private const int LongSentenceZh = 60;
    private const int LongSentenceEn = 35;

    public static ScoringContent Build(ReportAnalysis analysis)
    {
        var facts = ReportFacts.Of(analysis);
        ScoreItem[] scores =
        [
            Completeness(analysis.Messages, facts),
            Clarity(analysis, facts),
            Detail(analysis.Messages, facts),
            Precision(analysis.Messages, facts),
            Value(analysis.Messages, facts),
        ];
        var overall = (int)Math.Round(scores.Average(s => s.Score), MidpointRounding.AwayFromZero);
        return new ScoringContent { Scores = scores, OverallScore = overall };
    }

    private static ScoreItem Completeness(Messages messages, ReportFacts facts)
    {
        (string Key, bool Present, int Points)[] parts =
        [
            ("score.part.findings", facts.HasFindings, 30),
            ("score.part.impression", facts.HasImpression, 30),
            ("score.part.modality", facts.HasModality, 15),
            ("score.part.bodypart", facts.HasBodyPart, 10),
            (facts.HasRecommendation || facts.Abnormal ? "score.part.recommendation" : "score.part.recommendation_not_needed",
                facts.HasRecommendation || !facts.Abnormal, 15),
        ];
        var score = parts.Where(p => p.Present).Sum(p => p.Points);
        var present = parts.Where(p => p.Present).Select(p => messages.Format(p.Key)).ToList();
        var missing = parts.Where(p => !p.Present).Select(p => messages.Format(p.Key)).ToList();
        var reason = missing.Count == 0
            ? messages.Format("score.completeness.full", score, messages.Join(present))
            : messages.Format("score.completeness", score, messages.Join(present), messages.Join(missing));
        return Score("报告完整性", score, reason);
    }

    private static ScoreItem Clarity(ReportAnalysis analysis, ReportFacts facts)
    {
        var messages = analysis.Messages;
        var vague = analysis.Hits(PhraseKind.Vague).Select(h => h.TextOf(analysis.Text)).ToList();
        var longLimit = analysis.English ? LongSentenceEn : LongSentenceZh;
        var longSentences = facts.SentenceLengths.Count(l => l > longLimit);
        var shortReport = analysis.Text.Trim().Length < (analysis.English ? 80 : 30);
        var score = 100 - Math.Min(40, 8 * vague.Count) - Math.Min(20, 5 * longSentences) - (shortReport ? 20 : 0);
        var reason = messages.Format("score.clarity", score, vague.Count,
            vague.Count > 0 ? messages.Format("score.clarity.vague", messages.Join(vague.Distinct().ToList())) : "",
            facts.SentenceLengths.Count == 0 ? 0 : (int)Math.Round(facts.SentenceLengths.Average()),
            (longSentences > 0 ? messages.Format("score.clarity.long", longSentences) : "") + (shortReport ? messages.Format("score.clarity.short") : ""));
        return Score("描述清晰度", Math.Max(0, score), reason);
    }

    private static ScoreItem Detail(Messages messages, ReportFacts facts)
    {
        if (facts.Abnormal)
        {
            var detail = facts.AbnormalFindings == 0 ? 0 : (facts.WithLocation + facts.WithSize) / (2.0 * facts.AbnormalFindings);
            var score = (int)Math.Round(40 + 60 * detail);
            return Score("发现详细度", score, messages.Format("score.detail.abnormal", score, facts.AbnormalFindings, facts.WithLocation, facts.WithSize));
        }

        if (facts.NegatedFindings > 0)
        {
            var score = Math.Min(100, 70 + 5 * facts.NegatedFindings);
            return Score("发现详细度", score, messages.Format("score.detail.normal", score, facts.NegatedFindings));
        }

        return Score("发现详细度", 40, messages.Format("score.detail.empty", 40));
    }

    private static ScoreItem Precision(Messages messages, ReportFacts facts)
    {
        if (facts.Measurements == 0)
        {
            // The reason names the same verdict as 紧急程度: "normal report" only when the classification says 正常.
            return facts.NeedSize > 0
                ? Score("测量精确度", 40, messages.Format("score.measure.missing", 40, facts.NeedSize))
                : Score("测量精确度", 80, messages.Format(facts.Abnormal ? "score.measure.none_needed_abnormal" : "score.measure.none_needed", 80));
        }

        var unitShare = (double)facts.WithUnit / facts.Measurements;
        var sizedShare = facts.NeedSize == 0 ? 1 : (double)facts.SizedNeedSize / facts.NeedSize;
        var score = (int)Math.Round(50 + 20 * unitShare + 20 * sizedShare + (facts.MultiDimensional > 0 ? 10 : 0));
        var reason = messages.Format("score.measure.some", score, facts.Measurements, facts.WithUnit, facts.MultiDimensional)
            + (facts.NeedSize > 0 ? messages.Format("score.measure.needed", facts.NeedSize, facts.SizedNeedSize) : "");
        return Score("测量精确度", score, reason);
    }

    private static ScoreItem Value(Messages messages, ReportFacts facts)
    {
        var notes = new List<string>();
        var score = 0;
        if (facts.HasImpression)
        {
            score += 40;
            notes.Add(messages.Format("score.value.impression"));
            score += facts.ImpressionUncertain ? 5 : 20;
            notes.Add(messages.Format(facts.ImpressionUncertain ? "score.value.vague" : "score.value.specific"));
        }
        else
        {
            notes.Add(messages.Format("score.value.no_impression"));
        }

        if (!facts.Abnormal)
        {
            score += 30;
            notes.Add(messages.Format("score.value.normal"));
        }
        else
        {
            score += facts.HasRecommendation ? 25 : 0;
            notes.Add(messages.Format(facts.HasRecommendation ? "score.value.recommendation" : "score.value.no_recommendation"));
            if (facts.Severe)
            {
                score += 15;
                notes.Add(messages.Format("score.value.urgent"));
            }
        }

        score = Math.Min(100, score + 10);
        return Score("临床价值", score, messages.Format("score.value", score, messages.Join(notes)));
    }

    private static ScoreItem Score(string dimension, int score, string reason) =>
        new() { Dimension = dimension, Score = Math.Clamp(score, 0, 100), MaxScore = 100, Reason = reason };
}
