using System.Net;
using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class ModelsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_GetAndHead_SayOllamaIsRunning()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var get = await http.GetStringAsync("/", Ct);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"), Ct);

        Assert.Equal("Ollama is running", get);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Tags_DefaultOptions_ListsTheFourModelsWithOllamaFields()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        var tags = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/api/tags", Ct))!;

        var models = tags["models"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(["gemma2:9b", "llama3.1:8b", "qwen2.5:7b", "qwen2:1.5b"], models.Select(m => m["name"]!.GetValue<string>()));
        var qwen = models.Single(m => m["name"]!.GetValue<string>() == "qwen2.5:7b");
        Assert.Equal("qwen2.5:7b", qwen["model"]!.GetValue<string>());
        Assert.True(qwen["size"]!.GetValue<long>() > 1_000_000_000);
        Assert.Matches("^[0-9a-f]{64}$", qwen["digest"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(qwen["modified_at"]!.GetValue<string>(), out _));
        Assert.Equal("7B", qwen["details"]!["parameter_size"]!.GetValue<string>());
        Assert.Equal("gguf", qwen["details"]!["format"]!.GetValue<string>());
        Assert.NotNull(qwen["details"]!["quantization_level"]);
    }

    [Fact]
    public async Task Version_ReturnsConfiguredVersion()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Version = "0.9.9" }, Ct);
        using var http = emulator.Client();

        var version = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/api/version", Ct))!;

        Assert.Equal("0.9.9", version["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Show_KnownAndUnknownModel_Returns200WithDetailsOr404Error()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var known = await http.PostAsync("/api/show", new JsonObject { ["model"] = "llama3.1:8b" }, Ct);
        using var unknown = await http.PostAsync("/api/show", new JsonObject { ["model"] = "nope:1b" }, Ct);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var show = await known.ReadObjectAsync(Ct);
        Assert.Equal("llama", show["details"]!["family"]!.GetValue<string>());
        Assert.NotNull(show["model_info"]!["general.architecture"]);
        Assert.Contains("FROM llama3.1:8b", show["modelfile"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("model 'nope:1b' not found", (await unknown.ReadObjectAsync(Ct))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ps_AfterChat_ListsLoadedModelWithExpiryAndVram_KeepAliveZeroUnloads()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var before = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/api/ps", Ct))!;

        (await http.PostAsync("/api/chat", EmulatorRequests.Chat("你好"), Ct)).EnsureSuccessStatusCode();
        var after = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/api/ps", Ct))!;
        var unloadBody = EmulatorRequests.Chat("你好");
        unloadBody["keep_alive"] = 0;
        (await http.PostAsync("/api/chat", unloadBody, Ct)).EnsureSuccessStatusCode();
        var unloaded = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/api/ps", Ct))!;

        Assert.Empty(before["models"]!.AsArray());
        var loaded = Assert.Single(after["models"]!.AsArray())!;
        Assert.Equal(EmulatorRequests.Model, loaded["name"]!.GetValue<string>());
        var expires = DateTimeOffset.Parse(loaded["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
        Assert.Equal(loaded["size"]!.GetValue<long>(), loaded["size_vram"]!.GetValue<long>());
        Assert.Empty(unloaded["models"]!.AsArray());
    }

    [Fact]
    public async Task Pull_Streamed_ReportsProgressThenSuccessAndAddsModelToTags()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var pull = await http.PostAsync("/api/pull", new JsonObject { ["model"] = "mistral:7b" }, Ct);
        var lines = await pull.ReadLinesAsync(Ct);
        var tags = await http.GetStringAsync("/api/tags", Ct);

        Assert.Equal("pulling manifest", lines[0]["status"]!.GetValue<string>());
        var progress = lines.Where(l => l["digest"] is not null).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.True(p["completed"]!.GetValue<long>() <= p["total"]!.GetValue<long>()));
        Assert.Equal(progress[^1]["total"]!.GetValue<long>(), progress[^1]["completed"]!.GetValue<long>());
        Assert.Equal("success", lines[^1]["status"]!.GetValue<string>());
        Assert.Contains("\"mistral:7b\"", tags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_EmptyMessages_LoadsModelWithDoneReasonLoad()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", new JsonObject { ["model"] = "gemma2:9b", ["messages"] = new JsonArray() }, Ct);
        var reply = await response.ReadObjectAsync(Ct);
        var ps = await http.GetStringAsync("/api/ps", Ct);

        Assert.True(reply["done"]!.GetValue<bool>());
        Assert.Equal("load", reply["done_reason"]!.GetValue<string>());
        Assert.Contains("gemma2:9b", ps, StringComparison.Ordinal);
    }
}
