using ReportLens.Core.Evaluation;

namespace ReportLens.Bench;

/// <summary>Report texts from the gold corpus (tests/data/corpus/gold.jsonl); a number makes each copy unique.</summary>
internal sealed class Corpus(IReadOnlyList<(string Text, string Language)> reports)
{
    public IReadOnlyList<(string Text, string Language)> Reports { get; } = reports;

    public static Corpus Load(string root)
    {
        var path = Path.Combine(root, "tests", "data", "corpus", "gold.jsonl");
        var reports = GoldFile.Load(path).Select(r => (r.Text, r.Language)).ToList();
        return new Corpus(reports);
    }

    /// <summary>Unique Chinese reports (the batch benchmark's input): corpus text plus a case number.</summary>
    public IReadOnlyList<string> UniqueChinese(int count, string tag)
    {
        var zh = Reports.Where(r => r.Language == "zh").Select(r => r.Text).ToList();
        return [.. Enumerable.Range(0, count).Select(i => $"{zh[i % zh.Count]}\n病例编号：{tag}-{i}")];
    }

    /// <summary>Reports of about <paramref name="length"/> characters (corpus texts joined), for the rules engine.</summary>
    public IReadOnlyList<(string Text, string Language)> OfLength(int length)
    {
        var result = new List<(string, string)>();
        foreach (var language in new[] { "zh", "en" })
        {
            var texts = Reports.Where(r => r.Language == language).Select(r => r.Text).ToList();
            for (var i = 0; i < texts.Count; i++)
            {
                var text = texts[i];
                for (var j = 1; text.Length < length; j++)
                {
                    text += "\n" + texts[(i + j) % texts.Count];
                }

                result.Add((text[..length], language));
            }
        }

        return result;
    }
}
