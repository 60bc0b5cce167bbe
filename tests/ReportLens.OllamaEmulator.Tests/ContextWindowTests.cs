using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>num_ctx as Ollama honours it: a longer prompt silently loses its beginning; /api/show tells the window.</summary>
public sealed class ContextWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LongReport() =>
        string.Concat(Enumerable.Range(1, 120).Select(i => $"Segment {i}: a nodule in the right upper lobe measures {i} mm. "));

    [Fact]
    public async Task Chat_PromptLongerThanNumCtx_IsTruncatedAndReportsTheTokensKept()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var report = LongReport();

        var fits = await ChatAsync(http, report, numCtx: 32768);
        var cut = await ChatAsync(http, report, numCtx: 1024);
        var byDefault = await ChatAsync(http, report + report + report + report + report, numCtx: null);

        Assert.True(fits["prompt_eval_count"]!.GetValue<int>() > 1024);
        Assert.Equal(1024, cut["prompt_eval_count"]!.GetValue<int>());
        Assert.Equal(4096, byDefault["prompt_eval_count"]!.GetValue<int>());
        // The model never saw the beginning of the report: everything it quotes stands in the last two thirds.
        var quoted = Quotes(cut);
        Assert.NotEmpty(quoted);
        Assert.All(quoted, t => Assert.True(report.LastIndexOf(t, StringComparison.Ordinal) >= report.Length / 3, t));
        Assert.Contains(Quotes(fits), t => report.IndexOf(t, StringComparison.Ordinal) < report.Length / 3);
    }

    [Fact]
    public async Task Show_ReportsTheConfiguredContextLengthAndThinkingCapability()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ContextLength = 8192, Models = ["qwen2.5:7b", "qwen3:8b"] }, Ct);
        using var http = emulator.Client();

        var qwen25 = await (await http.PostAsync("/api/show", new JsonObject { ["model"] = "qwen2.5:7b" }, Ct)).ReadObjectAsync(Ct);
        var qwen3 = await (await http.PostAsync("/api/show", new JsonObject { ["model"] = "qwen3:8b" }, Ct)).ReadObjectAsync(Ct);

        Assert.Equal(8192, qwen25["model_info"]!["qwen.context_length"]!.GetValue<int>());
        Assert.Equal(["completion"], qwen25["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("thinking", qwen3["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    private static List<string> Quotes(JsonObject reply) =>
        [.. reply.ContentJson()["highlights"]!.AsArray().Select(h => h!["text"]!.GetValue<string>())];

    private static async Task<JsonObject> ChatAsync(HttpClient http, string report, int? numCtx)
    {
        var body = EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), EmulatorRequests.HighlightSchema());
        if (numCtx is { } n)
        {
            body["options"] = new JsonObject { ["num_ctx"] = n };
        }

        using var response = await http.PostAsync("/api/chat", body, Ct);
        return await response.ReadObjectAsync(Ct);
    }
}
