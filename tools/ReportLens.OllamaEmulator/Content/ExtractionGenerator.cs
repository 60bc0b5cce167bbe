using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>{findings,measurements:[{item,value,unit}],locations,impression}, every string taken from the report.</summary>
internal static class ExtractionGenerator
{
    private const int MaxFindings = 15;

    public static JsonObject Generate(ReportReading a)
    {
        var findings = new JsonArray();
        foreach (var clause in a.Content.Where(c => !c.InImpression).Take(MaxFindings))
        {
            findings.Add(clause.Text);
        }
        var measurements = new JsonArray();
        foreach (var m in a.Measurements)
        {
            measurements.Add(new JsonObject
            {
                ["item"] = m.Item.Length > 0 ? m.Item : a.Say("测量值", "measurement"),
                ["value"] = m.Value,
                ["unit"] = m.Unit,
                ["text"] = a.Report[m.Start..m.End],
            });
        }
        var locations = new JsonArray();
        foreach (var location in Locations(a))
        {
            locations.Add(location);
        }
        return new JsonObject
        {
            ["findings"] = findings,
            ["measurements"] = measurements,
            ["locations"] = locations,
            ["impression"] = Impression(a),
        };
    }

    private static IEnumerable<string> Locations(ReportReading a) =>
        a.Content.Select(a.FirstLocation).OfType<(int Start, int End)>().Select(l => a.Report[l.Start..l.End]).Distinct(StringComparer.Ordinal);

    private static string Impression(ReportReading a)
    {
        if (a.Impression.Count > 0)
        {
            // A contiguous substring, so a grounding step finds it verbatim.
            var first = a.Impression[0];
            var last = a.Impression[^1];
            var text = a.Report[first.Start..last.End];
            return text.Contains("[[", StringComparison.Ordinal) ? first.Text : text;
        }
        return a.Content.FirstOrDefault(c => TextMatch.ContainsAny(a.Masked, a.Lexicon.DiagnosisCues, c.Start, c.End))?.Text ?? "";
    }
}
