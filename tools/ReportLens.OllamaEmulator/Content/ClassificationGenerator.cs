using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>{classifications:[{dimension,category,confidence,evidence}]} over ClassificationVocabulary's five Chinese dimensions.</summary>
internal static class ClassificationGenerator
{
    public static JsonObject Generate(ReportReading a)
    {
        var (urgency, urgencyEvidence) = Urgency(a);
        var (bodyPart, bodyEvidence) = BestOf(a, a.Lexicon.BodyParts, "其他");
        var (modality, modalityEvidence) = BestOf(a, a.Lexicon.Modalities, "其他");
        var abnormal = urgency != "正常";
        var followUpCue = ClauseWith(a, a.Lexicon.FollowUpCues);
        var furtherCue = ClauseWith(a, a.Lexicon.FurtherExamCues);
        var followUp = abnormal || followUpCue is not null;
        var further = furtherCue is not null || urgency is "异常中度" or "异常严重" or "危急";
        return new JsonObject
        {
            ["classifications"] = new JsonArray
            {
                Item(a, "紧急程度", urgency, urgencyEvidence),
                Item(a, "检查部位", bodyPart, bodyEvidence),
                Item(a, "检查类型", modality, modalityEvidence),
                Item(a, "是否需要随访", followUp ? "是" : "否", followUpCue ?? (abnormal ? urgencyEvidence : "")),
                Item(a, "是否需要进一步检查", further ? "是" : "否", furtherCue ?? urgencyEvidence),
            },
        };
    }

    private static (string Category, string Evidence) Urgency(ReportReading a)
    {
        var critical = a.Content.FirstOrDefault(c => a.HasUnnegated(c, a.Lexicon.Critical));
        if (critical is not null)
        {
            return ("危急", critical.Text);
        }
        var severe = a.Content.FirstOrDefault(c => a.HasUnnegated(c, a.Lexicon.Severe));
        if (severe is not null)
        {
            return ("异常严重", severe.Text);
        }
        return a.Abnormal.Count switch
        {
            0 => ("正常", a.Content.Count > 0 ? a.Content[0].Text : ""),
            1 => ("异常轻微", a.Abnormal[0].Text),
            <= 3 => ("异常中度", a.Abnormal[0].Text),
            _ => ("异常严重", a.Abnormal[0].Text),
        };
    }

    private static (string Category, string Evidence) BestOf(ReportReading a, IReadOnlyDictionary<string, IReadOnlyList<string>> table, string fallback)
    {
        var best = (Category: fallback, Evidence: "", Count: 0);
        foreach (var (category, keywords) in table)
        {
            var count = 0;
            string? evidence = null;
            foreach (var clause in a.Clauses)
            {
                if (TextMatch.ContainsAny(a.Masked, keywords, clause.Start, clause.End))
                {
                    count++;
                    evidence ??= clause.Text;
                }
            }
            if (count > best.Count)
            {
                best = (category, evidence!, count);
            }
        }
        return (best.Category, best.Evidence);
    }

    private static string? ClauseWith(ReportReading a, IReadOnlyList<string> cues) =>
        a.Content.FirstOrDefault(c => TextMatch.ContainsAny(a.Masked, cues, c.Start, c.End))?.Text;

    private static JsonObject Item(ReportReading a, string dimension, string category, string evidence) => new()
    {
        ["dimension"] = dimension,
        ["category"] = category,
        ["confidence"] = a.Confidence(),
        ["evidence"] = evidence,
    };
}
