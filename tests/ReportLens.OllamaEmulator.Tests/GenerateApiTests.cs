using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class GenerateApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Body(bool? stream) => new()
    {
        ["model"] = "llama3.1:8b",
        ["system"] = "You highlight reports. Return {\"highlights\": [...]}",
        ["prompt"] = EmulatorRequests.UserPrompt(EmulatorRequests.EnglishReport),
        ["format"] = "json",
        ["stream"] = stream,
    };

    [Fact]
    public async Task Generate_NotStreamed_ReturnsResponseFieldWithHighlights()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/generate", Body(stream: false), Ct);
        var reply = await response.ReadObjectAsync(Ct);

        Assert.Null(reply["message"]);
        Assert.True(reply["done"]!.GetValue<bool>());
        var content = (JsonObject)JsonNode.Parse(reply["response"]!.GetValue<string>())!;
        var nodule = content["highlights"]!.AsArray().Single(h => h!["category"]!.GetValue<string>() == "measurement");
        Assert.Equal("12 mm", nodule!["text"]!.GetValue<string>());
        Assert.True(reply["eval_count"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Generate_Streamed_ConcatenatedResponsesEqualTheSingleReply()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var lines = await (await http.PostAsync("/api/generate", Body(stream: true), Ct)).ReadLinesAsync(Ct);
        var single = await (await http.PostAsync("/api/generate", Body(stream: false), Ct)).ReadObjectAsync(Ct);

        Assert.True(lines[^1]["done"]!.GetValue<bool>());
        Assert.Equal(single["response"]!.GetValue<string>(), string.Concat(lines.Select(l => l["response"]!.GetValue<string>())));
    }
}
