using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>{scores:[{dimension,score,max_score,reason}],overall_score} over the scoring prompt's five dimensions.</summary>
internal static class ScoringGenerator
{
    public static JsonObject Generate(ReportReading a)
    {
        var hasImpression = a.Impression.Count > 0;
        var findings = a.Content.Count(c => !c.InImpression);
        var averageClause = a.Content.Count == 0 ? 0 : a.Content.Average(c => c.End - c.Start);
        var scores = new (string Dimension, int Score, string Reason)[]
        {
            ("报告完整性", (hasImpression ? 80 : 60) + (findings >= 3 ? 10 : 0),
                a.Say(hasImpression ? "包含描述和印象" : "缺少印象或结论", hasImpression ? "has findings and an impression" : "no impression section")),
            ("描述清晰度", averageClause is > 4 and < 40 ? 88 : 72,
                a.Say("句子长度适中，表述清晰", "sentences of reasonable length")),
            ("发现详细度", Math.Min(95, 60 + findings * 5),
                a.Say($"描述了{findings}处发现", $"{findings} findings described")),
            ("测量精确度", a.Measurements.Count switch { 0 => 60, 1 => 80, _ => 90 },
                a.Say($"包含{a.Measurements.Count}个测量值", $"{a.Measurements.Count} measurements given")),
            ("临床价值", (hasImpression ? 78 : 62) + (a.Abnormal.Count > 0 ? 8 : 0),
                a.Say(hasImpression ? "结论明确，可指导临床" : "结论不明确", hasImpression ? "clear conclusion" : "no clear conclusion")),
        };
        var items = new JsonArray();
        var total = 0;
        foreach (var (dimension, score, reason) in scores)
        {
            var jittered = Math.Clamp(score + a.Random.Next(-3, 4), 0, 100);
            total += jittered;
            items.Add(new JsonObject { ["dimension"] = dimension, ["score"] = jittered, ["max_score"] = 100, ["reason"] = reason });
        }
        return new JsonObject { ["scores"] = items, ["overall_score"] = (int)Math.Round(total / (double)scores.Length) };
    }
}
