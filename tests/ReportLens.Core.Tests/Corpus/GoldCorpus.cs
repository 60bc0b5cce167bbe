using System.Text.Json;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;

namespace ReportLens.Core.Tests.Corpus;

/// <summary>Reads the gold corpus and the demo reports the way the evaluator and the server do: JSONL, snake_case.</summary>
internal static class GoldCorpus
{
    public static readonly string[] Modalities = ["CT", "MRI", "X-Ray", "超声", "其他"];
    public static readonly string[] BodyParts = ["头颅", "胸部", "腹部", "四肢", "脊柱", "其他"];
    public static readonly string[] Urgencies = ["正常", "异常轻微", "异常中度", "异常严重", "危急"];

    private static readonly Lazy<IReadOnlyList<GoldReport>> GoldReports =
        new(() => ReadJsonLines<GoldReport>(Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl")));

    public static IReadOnlyList<GoldReport> Gold => GoldReports.Value;

    /// <summary>The server's demo reports (src/ReportLens.Server/Demo), copied next to the tests by the project file.</summary>
    public static string DemoPath => Path.Combine(AppContext.BaseDirectory, "data", "demo-reports.jsonl");

    public static IReadOnlyList<T> ReadJsonLines<T>(string path)
    {
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = JsonSerializer.Deserialize<T>(line, ReportLensJson.Options)
                ?? throw new InvalidDataException($"{Path.GetFileName(path)}:{lineNumber} is null");
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Places each text in the report by the gold convention: entries are in reading order and each one is the
    /// first occurrence at or after the end of the previous entry. Returns the offsets, -1 where a text is not found.
    /// </summary>
    public static int[] ResolveInOrder(string report, IEnumerable<string> texts)
    {
        var offsets = new List<int>();
        var cursor = 0;
        foreach (var text in texts)
        {
            var at = report.IndexOf(text, cursor, StringComparison.Ordinal);
            offsets.Add(at);
            if (at >= 0)
            {
                cursor = at + text.Length;
            }
        }

        return [.. offsets];
    }
}
