using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>Over the whole gold corpus, whatever the emulator returns without faults is grounded in the report.</summary>
public sealed class CorpusGroundingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["紧急程度"] = ["正常", "异常轻微", "异常中度", "异常严重", "危急"],
        ["检查部位"] = ["头颅", "胸部", "腹部", "四肢", "脊柱", "其他"],
        ["检查类型"] = ["CT", "MRI", "X-Ray", "超声", "其他"],
        ["是否需要随访"] = ["是", "否"],
        ["是否需要进一步检查"] = ["是", "否"],
    };

    [Fact]
    public async Task AllAnnotationTypes_EveryGoldReport_SpansAndStringsComeFromTheReport()
    {
        var reports = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!["text"]!.GetValue<string>())
            .ToList();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 8 }, Ct);
        using var http = emulator.Client();

        Assert.True(reports.Count >= 50);
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (report, ct) =>
        {
            var highlights = await AskAsync(http, report, "\"highlights\"", ct);
            Assert.NotEmpty(highlights["highlights"]!.AsArray());
            Assert.All(highlights["highlights"]!.AsArray(), h =>
                Assert.Equal(h!["text"]!.GetValue<string>(), report[h["start"]!.GetValue<int>()..h["end"]!.GetValue<int>()]));

            var extraction = await AskAsync(http, report, "\"findings\"", ct);
            Assert.NotEmpty(extraction["findings"]!.AsArray());
            var strings = extraction["findings"]!.AsArray().Concat(extraction["locations"]!.AsArray())
                .Concat(extraction["measurements"]!.AsArray().Select(m => m!["text"]))
                .Select(s => s!.GetValue<string>())
                .Append(extraction["impression"]!.GetValue<string>());
            Assert.All(strings, s => Assert.Contains(s, report, StringComparison.Ordinal));

            var classification = await AskAsync(http, report, "\"classifications\"", ct);
            var classes = classification["classifications"]!.AsArray();
            Assert.Equal(Allowed.Keys, classes.Select(c => c!["dimension"]!.GetValue<string>()));
            Assert.All(classes, c => Assert.Contains(c!["category"]!.GetValue<string>(), Allowed[c["dimension"]!.GetValue<string>()]));

            var scoring = await AskAsync(http, report, "\"scores\"", ct);
            Assert.Equal(5, scoring["scores"]!.AsArray().Count);
        });
    }

    private static async Task<JsonObject> AskAsync(HttpClient http, string report, string system, CancellationToken ct)
    {
        using var response = await http.PostAsync("/api/chat",
            EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), JsonValue.Create("json"), system: system), ct);
        return (await response.ReadObjectAsync(ct)).ContentJson();
    }
}
