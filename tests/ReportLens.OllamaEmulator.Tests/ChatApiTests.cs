using System.Net;
using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class ChatApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_NotStreamed_ReturnsOneDoneObjectWithCountsAndNanosecondDurations()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { PromptTokensPerSecond = 10_000, DecodeTokensPerSecond = 10_000 }, Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat",
            EmulatorRequests.Chat(EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport), EmulatorRequests.HighlightSchema()), Ct);
        var reply = await response.ReadObjectAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmulatorRequests.Model, reply["model"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(reply["created_at"]!.GetValue<string>(), out _));
        Assert.Equal("assistant", reply["message"]!["role"]!.GetValue<string>());
        Assert.True(reply["done"]!.GetValue<bool>());
        Assert.Equal("stop", reply["done_reason"]!.GetValue<string>());
        var promptTokens = reply["prompt_eval_count"]!.GetValue<int>();
        var evalTokens = reply["eval_count"]!.GetValue<int>();
        Assert.True(promptTokens > 50);
        Assert.True(evalTokens > 50);
        // Durations are nanoseconds: tokens / 10,000 tok/s.
        Assert.Equal(promptTokens * 100_000L, reply["prompt_eval_duration"]!.GetValue<long>(), tolerance: 1000);
        Assert.Equal(evalTokens * 100_000L, reply["eval_duration"]!.GetValue<long>(), tolerance: 1000);
        Assert.True(reply["total_duration"]!.GetValue<long>() >= reply["eval_duration"]!.GetValue<long>());
        Assert.NotNull(reply["load_duration"]);
    }

    [Fact]
    public async Task Chat_StreamNotGiven_StreamsNdjsonChunksThenDoneLineWithSameContent()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var prompt = EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport);

        using var streamed = await http.PostAsync("/api/chat", EmulatorRequests.Chat(prompt, EmulatorRequests.HighlightSchema(), stream: null), Ct);
        var lines = await streamed.ReadLinesAsync(Ct);
        using var single = await http.PostAsync("/api/chat", EmulatorRequests.Chat(prompt, EmulatorRequests.HighlightSchema(), stream: false), Ct);
        var whole = await single.ReadObjectAsync(Ct);

        Assert.Equal("application/x-ndjson", streamed.Content.Headers.ContentType?.MediaType);
        Assert.True(lines.Count > 3);
        Assert.All(lines[..^1], l => Assert.False(l["done"]!.GetValue<bool>()));
        var done = lines[^1];
        Assert.True(done["done"]!.GetValue<bool>());
        Assert.Equal("stop", done["done_reason"]!.GetValue<string>());
        Assert.Equal("", done.Content());
        Assert.Equal(whole["eval_count"]!.GetValue<int>(), done["eval_count"]!.GetValue<int>());
        Assert.NotNull(done["total_duration"]);
        Assert.Equal(whole.Content(), string.Concat(lines.Select(l => l.Content())));
    }

    [Theory]
    [InlineData(EmulatorRequests.ChestReport)]
    [InlineData(EmulatorRequests.EnglishReport)]
    public async Task Chat_HighlightSchema_ContentMatchesSchemaAndOffsetsCutOutTheText(string report)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), EmulatorRequests.HighlightSchema()), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        var highlights = content["highlights"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.True(highlights.Count >= 4);
        string[] categories = ["abnormal", "measurement", "location", "diagnosis"];
        Assert.All(highlights, h =>
        {
            Assert.Equal(["text", "category", "start", "end", "reason"], h.Select(p => p.Key));
            var start = h["start"]!.GetValue<int>();
            var end = h["end"]!.GetValue<int>();
            Assert.Equal(report[start..end], h["text"]!.GetValue<string>());
            Assert.Contains(h["category"]!.GetValue<string>(), categories);
        });
        Assert.Equal(categories.Order(), highlights.Select(h => h["category"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public async Task Chat_JsonModeWithClassificationPrompt_ReturnsFiveSeedDimensions()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        const string reportText = "颅脑CT平扫：左侧基底节区见高密度影，周围水肿，考虑脑出血。中线结构居中。";

        using var response = await http.PostAsync("/api/chat",
            EmulatorRequests.Chat(EmulatorRequests.UserPrompt(reportText), JsonValue.Create("json"), system: "你是医学报告分类专家。输出 {\"classifications\": [...]}"), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        var byDimension = content["classifications"]!.AsArray().ToDictionary(c => c!["dimension"]!.GetValue<string>(), c => c!["category"]!.GetValue<string>());
        Assert.Equal("危急", byDimension["紧急程度"]);
        Assert.Equal("头颅", byDimension["检查部位"]);
        Assert.Equal("CT", byDimension["检查类型"]);
        Assert.Equal("是", byDimension["是否需要随访"]);
        Assert.Contains(byDimension["是否需要进一步检查"], new[] { "是", "否" });
        Assert.All(content["classifications"]!.AsArray(), c => Assert.InRange(c!["confidence"]!.GetValue<double>(), 0, 1));
    }

    [Theory]
    [InlineData("EXAMINATION: MRI lumbar spine.\nFINDINGS: L4-L5 disc herniation compressing the left L5 nerve root. No fracture.\nIMPRESSION: L4-L5 disc herniation.", "异常轻微", "脊柱", "MRI")]
    [InlineData("检查所见：上腹部CT平扫，肝内见一低密度灶，直径约2.3cm。胆囊不大。\n诊断意见：肝脏低密度灶，建议增强扫描。", "异常轻微", "腹部", "CT")]
    [InlineData("胸部DR：双肺纹理清晰，未见实变。心影不大。\n印象：心肺未见异常。", "正常", "胸部", "X-Ray")]
    [InlineData("Chest CT: large right pneumothorax with mediastinal shift.", "危急", "胸部", "CT")]
    public async Task Chat_ClassificationSchemaByReport_PicksUrgencyBodyPartAndModality(string report, string urgency, string bodyPart, string modality)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var schema = JsonNode.Parse("""{"type":"object","required":["classifications"],"properties":{"classifications":{"type":"array"}}}""");

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), schema), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        var byDimension = content["classifications"]!.AsArray().ToDictionary(c => c!["dimension"]!.GetValue<string>(), c => c!["category"]!.GetValue<string>());
        Assert.Equal(urgency, byDimension["紧急程度"]);
        Assert.Equal(bodyPart, byDimension["检查部位"]);
        Assert.Equal(modality, byDimension["检查类型"]);
    }

    [Fact]
    public async Task Chat_JsonModeWithExtractionPrompt_ReturnsReportSubstrings()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var report = EmulatorRequests.ChestReport;

        using var response = await http.PostAsync("/api/chat",
            EmulatorRequests.Chat(EmulatorRequests.UserPrompt(report), JsonValue.Create("json"), system: "你是医学信息提取专家。输出 {\"findings\": [], \"measurements\": []}"), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        Assert.All(content["findings"]!.AsArray(), f => Assert.Contains(f!.GetValue<string>(), report, StringComparison.Ordinal));
        Assert.Contains("双肺纹理增多", content["findings"]!.AsArray().Select(f => f!.GetValue<string>()));
        var measurements = content["measurements"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Contains(measurements, m => m["value"]!.GetValue<string>() == "1.2×0.8" && m["unit"]!.GetValue<string>() == "cm");
        Assert.Contains(measurements, m => m["item"]!.GetValue<string>() == "心胸比例" && m["value"]!.GetValue<string>() == "0.48");
        Assert.Contains("右肺上叶", content["locations"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("右肺上叶结节，建议随访", content["impression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_ScoringSchema_ReturnsFiveScoresAndTheirAverage()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var schema = JsonNode.Parse("""
            {"type":"object","required":["scores","overall_score"],"properties":{"scores":{"type":"array","items":{"type":"object",
             "required":["dimension","score","max_score","reason"],"properties":{"dimension":{"type":"string"},"score":{"type":"integer"},
             "max_score":{"type":"integer"},"reason":{"type":"string"}}}},"overall_score":{"type":"integer"}}}
            """);

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat(EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport), schema), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        var scores = content["scores"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["报告完整性", "描述清晰度", "发现详细度", "测量精确度", "临床价值"], scores.Select(s => s["dimension"]!.GetValue<string>()));
        Assert.All(scores, s => Assert.InRange(s["score"]!.GetValue<int>(), 0, s["max_score"]!.GetValue<int>()));
        Assert.Equal((int)Math.Round(scores.Average(s => s["score"]!.GetValue<int>())), content["overall_score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chat_ClosedSchemaWithoutMeasurementText_DropsMembersTheSchemaForbids()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();
        var schema = JsonNode.Parse("""
            {"type":"object","additionalProperties":false,"required":["findings","measurements","locations","impression"],"properties":{
             "findings":{"type":"array","items":{"type":"string"}},"locations":{"type":"array","items":{"type":"string"}},"impression":{"type":"string"},
             "measurements":{"type":"array","items":{"$ref":"#/$defs/m"}}},
             "$defs":{"m":{"type":"object","additionalProperties":false,"required":["item","value","unit"],
               "properties":{"item":{"type":"string"},"value":{"type":"string"},"unit":{"type":"string"}}}}}
            """);

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat(EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport), schema), Ct);
        var content = (await response.ReadObjectAsync(Ct)).ContentJson();

        Assert.NotEmpty(content["measurements"]!.AsArray());
        Assert.All(content["measurements"]!.AsArray(), m => Assert.Equal(["item", "value", "unit"], m!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Chat_SameSeedAndInput_ReturnsSameContent()
    {
        await using var first = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 7 }, Ct);
        await using var second = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 7 }, Ct);
        var body = EmulatorRequests.Chat(EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport), JsonValue.Create("json"), system: "分类 \"classifications\"");

        using var a = first.Client();
        using var b = second.Client();
        var contentA = (await (await a.PostAsync("/api/chat", body, Ct)).ReadObjectAsync(Ct)).Content();
        var contentB = (await (await b.PostAsync("/api/chat", body, Ct)).ReadObjectAsync(Ct)).Content();

        Assert.Equal(contentA, contentB);
    }

    [Fact]
    public async Task Chat_NoFormatAndNoTaskPrompt_ReturnsPlainText()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat("双肺纹理增多。心影不大。"), Ct);
        var content = (await response.ReadObjectAsync(Ct)).Content();

        Assert.False(content.TrimStart().StartsWith('{'));
        Assert.Contains("双肺纹理增多", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_UnknownModel_Returns404WithOllamaErrorBody()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", EmulatorRequests.Chat("hi", model: "missing:3b"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"model 'missing:3b' not found"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Chat_BodyIsNotJson_Returns400WithErrorField()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var http = emulator.Client();

        using var response = await http.PostAsync("/api/chat", new StringContent("{not json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync(Ct))["error"]);
    }
}
