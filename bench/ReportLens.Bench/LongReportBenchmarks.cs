using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

internal sealed record LongReportResult(string Engine, string Text, int Length, double WallMs, double ServerCpuMs);

/// <summary>
/// Issue 12: long reports through the real server (a process, POST /api/v1/ai/analyze-text, highlight, cache
/// bypass), by rules and hybrid against an instant emulator, at 12,500 – 100,000 characters (100,000 is the
/// documented limit). Median of 3 requests after one warm-up request per row; the server's CPU time per request
/// (every thread) is read from the process.
/// </summary>
internal static class LongReportBenchmarks
{
    public static readonly int[] Lengths = [12_500, 25_000, 50_000, 100_000];

    public static async Task<IReadOnlyList<LongReportResult>> RunAsync(string root, Corpus corpus)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4 });
        await using var server = await BenchServer.StartAsync(root, emulator.BaseUrl.ToString().TrimEnd('/'), 4);
        var results = new List<LongReportResult>();
        foreach (var engine in new[] { "rules", "hybrid" })
        {
            foreach (var length in Lengths)
            {
                var text = corpus.OfLength(length).First(r => r.Language == "zh").Text;
                results.Add(await MeasureAsync(server, engine, "gold reports joined", text));
            }
        }

        // The worst case: one clause without punctuation, repeated to the limit.
        foreach (var length in Lengths)
        {
            results.Add(await MeasureAsync(server, "rules", "one clause, no punctuation", Unpunctuated(length)));
        }

        return results;
    }

    private static async Task<LongReportResult> MeasureAsync(BenchServer server, string engine, string kind, string text)
    {
        await AnalyzeAsync(server, engine, text);
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var cpu = server.CpuTime;
            var started = Stopwatch.GetTimestamp();
            await AnalyzeAsync(server, engine, text);
            walls.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpus.Add((server.CpuTime - cpu).TotalMilliseconds);
        }

        return new LongReportResult(engine, kind, text.Length, Percentiles.Of(walls, 50), Percentiles.Of(cpus, 50));
    }

    private static async Task AnalyzeAsync(BenchServer server, string engine, string text)
    {
        var response = await server.Client.PostAsJsonAsync("/api/v1/ai/analyze-text",
            new { report_content = text, language = "zh", annotation_type = "highlight", engine, cache = "bypass", user_prompt = "" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"analyze-text ({engine}, {text.Length} chars) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Unpunctuated(int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append("右肺上叶见结节影大小约8mm左肺下叶见斑片影考虑炎症不除外肿瘤");
        }

        return text.ToString(0, length);
    }
}
