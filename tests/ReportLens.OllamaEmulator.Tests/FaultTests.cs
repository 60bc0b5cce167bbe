using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;
using ReportLens.OllamaEmulator.Faults;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Report = EmulatorRequests.ChestReport;

    private static JsonObject HighlightChat(string directive, bool? stream = false) =>
        EmulatorRequests.Chat(EmulatorRequests.UserPrompt(Report, directive), EmulatorRequests.HighlightSchema(), stream);

    [Fact]
    public async Task Delay_AddsTheGivenMilliseconds()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var stopwatch = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=delay:400]]"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(390), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Http500_Returns500WithErrorBody()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=http500]]"), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadObjectAsync(Ct))["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownModelAndBusy_Return404And503ForAnExistingModel()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var missing = await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=unknown_model]]"), Ct);
        using var busy = await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=busy]]"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal($"model '{EmulatorRequests.Model}' not found", (await missing.ReadObjectAsync(Ct))["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.StartsWith("server busy", (await busy.ReadObjectAsync(Ct))["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJson_ContentIsNotParseable()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var reply = await (await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=invalid_json]]"), Ct)).ReadObjectAsync(Ct);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(reply.Content()));
    }

    [Fact]
    public async Task InvalidJsonOnce_BrokenFirstThenValidOnRepairTurn()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var first = HighlightChat("[[emulator:fault=invalid_json_once]]");

        var broken = (await (await http.PostAsync("/api/chat", first, Ct)).ReadObjectAsync(Ct)).Content();
        var repair = (JsonObject)first.DeepClone();
        repair["messages"]!.AsArray().Add(new JsonObject { ["role"] = "assistant", ["content"] = broken });
        repair["messages"]!.AsArray().Add(new JsonObject { ["role"] = "user", ["content"] = "上次的JSON无效，请重新输出。" });
        var repaired = (await (await http.PostAsync("/api/chat", repair, Ct)).ReadObjectAsync(Ct)).Content();

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(broken));
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(repaired).RootElement.GetProperty("highlights").ValueKind);
    }

    [Fact]
    public async Task SchemaViolation_ValidJsonWithWrongTypes()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var content = (await (await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=schema_violation]]"), Ct)).ReadObjectAsync(Ct)).ContentJson();

        Assert.NotEqual(JsonValueKind.Array, content["highlights"]!.GetValueKind());
    }

    [Fact]
    public async Task WrongOffsets_SpansNoLongerCutOutTheirText()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var content = (await (await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=wrong_offsets]]"), Ct)).ReadObjectAsync(Ct)).ContentJson();

        var highlights = content["highlights"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.NotEmpty(highlights);
        Assert.All(highlights, h => Assert.NotEqual(h["text"]!.GetValue<string>(), Report[h["start"]!.GetValue<int>()..h["end"]!.GetValue<int>()]));
        Assert.All(highlights, h => Assert.Contains(h["text"]!.GetValue<string>(), Report, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HallucinatedSpan_AddsAnItemWhoseTextIsNotInTheReport()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var content = (await (await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=hallucinated_span]]"), Ct)).ReadObjectAsync(Ct)).ContentJson();

        var texts = content["highlights"]!.AsArray().Select(h => h!["text"]!.GetValue<string>()).ToList();
        Assert.Single(texts, t => !Report.Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamError_ErrorLineUnder200AndNoDoneLine()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", HighlightChat("[[emulator:fault=stream_error]]", stream: true), Ct);
        var lines = await response.ReadLinesAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(lines.Count > 1);
        Assert.NotNull(lines[^1]["error"]);
        Assert.DoesNotContain(lines, l => l["done"]?.GetValue<bool>() == true);
    }

    [Fact]
    public async Task DropStream_ConnectionClosesBeforeTheDoneLine()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = new StringContent(HighlightChat("[[emulator:fault=drop_stream]]", stream: true).ToJsonString()),
        };

        var received = new List<string>();
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
            while (await reader.ReadLineAsync(Ct) is { } line)
            {
                received.Add(line);
            }
        });

        Assert.NotNull(failure);
        Assert.DoesNotContain(received, l => l.Contains("\"done\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Directives_SeveralCommaSeparated_AllApplyAndNeverLeakIntoContent()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var report = "[[emulator:fault=wrong_offsets,hallucinated_span]]" + Report;
        var body = EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), EmulatorRequests.HighlightSchema());

        var reply = await (await http.PostAsync("/api/chat", body, Ct)).ReadObjectAsync(Ct);
        var highlights = reply.ContentJson()["highlights"]!.AsArray().Select(h => h!.AsObject()).ToList();

        Assert.DoesNotContain("emulator", reply.Content(), StringComparison.Ordinal);
        Assert.Contains(highlights, h => !report.Contains(h["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(highlights, h => report.Contains(h["text"]!.GetValue<string>(), StringComparison.Ordinal)
            && report[h["start"]!.GetValue<int>()..h["end"]!.GetValue<int>()] != h["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task FaultRate_SetAtRuntimeByApiAndEndpoint_AppliesAndCanBeTurnedOff()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { FaultRate = 1, Faults = [EmulatorFaults.Http500] }, Ct);
        using var http = emulator.Client();

        using var always = await http.PostAsync("/api/chat", HighlightChat(""), Ct);
        emulator.SetFaults(new FaultSettings());
        using var off = await http.PostAsync("/api/chat", HighlightChat(""), Ct);
        using var set = await http.PostAsync("/emulator/faults", new JsonObject { ["rate"] = 1.0, ["faults"] = new JsonArray("busy") }, Ct);
        using var busy = await http.PostAsync("/api/chat", HighlightChat(""), Ct);
        using var rejected = await http.PostAsync("/emulator/faults", new JsonObject { ["rate"] = 1.0, ["faults"] = new JsonArray("nonsense") }, Ct);
        var stats = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/emulator/stats", Ct))!;

        Assert.Equal(HttpStatusCode.InternalServerError, always.StatusCode);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal([EmulatorFaults.Busy], emulator.Faults.Faults);
        Assert.Equal(3, stats["requests"]!.GetValue<long>());
        Assert.Equal(1, stats["completed"]!.GetValue<long>());
        Assert.Equal(1, stats["busy_rejections"]!.GetValue<long>());
        Assert.Equal(3, stats["requests_per_model"]![EmulatorRequests.Model]!.GetValue<long>());
    }
}
