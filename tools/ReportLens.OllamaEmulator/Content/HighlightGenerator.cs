using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>{highlights:[{text,category,start,end,reason}]}: spans cut from the report with UTF-16 offsets.</summary>
internal static class HighlightGenerator
{
    private const int MaxItems = 30;
    private const int ShortClause = 20;

    public static JsonObject Generate(ReportReading a)
    {
        var spans = new List<(int Start, int End, string Category, string Reason)>();
        foreach (var clause in a.Content)
        {
            if (clause.InImpression)
            {
                spans.Add((clause.Start, clause.End, "diagnosis", a.Say("诊断结论", "diagnostic conclusion")));
            }
            else if (a.IsAbnormal(clause))
            {
                spans.Add((clause.Start, clause.End, "abnormal", a.Say("异常发现", "abnormal finding")));
            }
            if (a.FirstLocation(clause) is { } location)
            {
                spans.Add((location.Start, location.End, "location", a.Say("解剖部位", "anatomical location")));
            }
        }
        foreach (var m in a.Measurements)
        {
            var clause = a.Content.FirstOrDefault(c => c.Start <= m.Start && m.End <= c.End);
            var whole = clause is not null && clause.End - clause.Start <= ShortClause && !a.IsAbnormal(clause) && !clause.InImpression;
            var (start, end) = whole ? (clause!.Start, clause.End) : (m.Start, m.End);
            spans.Add((start, end, "measurement", a.Say("测量数值", "measurement")));
        }
        var items = new JsonArray();
        foreach (var s in spans.DistinctBy(s => (s.Start, s.End, s.Category)).OrderBy(s => s.Start).ThenBy(s => s.End).Take(MaxItems))
        {
            items.Add(Item(a.Report[s.Start..s.End], s.Category, s.Start, s.End, s.Reason));
        }
        return new JsonObject { ["highlights"] = items };
    }

    public static JsonObject Item(string text, string category, int start, int end, string reason) => new()
    {
        ["text"] = text,
        ["category"] = category,
        ["start"] = start,
        ["end"] = end,
        ["reason"] = reason,
    };
}
