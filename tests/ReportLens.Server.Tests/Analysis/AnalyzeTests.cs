using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>The analyze and health endpoints' contract (fields existing clients read), against the emulator over loopback.</summary>
public abstract class AnalyzeTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : EmulatorAppFixture
{
    internal const string ChestCt = "检查所见：双肺纹理增多，右肺上叶见一结节，大小约8mm×6mm，未见明显实质性病变。心影不大，心胸比例约0.48。\n诊断意见：右肺上叶结节，建议3个月后复查。";
    internal const string EnglishCt = "Findings: A 12 mm nodule in the right upper lobe. No pleural effusion. No pneumothorax.\nImpression: Right upper lobe nodule; follow-up CT in 3 months is recommended.";

    [Theory]
    [InlineData("highlight", "highlights")]
    [InlineData("classification", "classifications")]
    [InlineData("extraction", "findings")]
    [InlineData("scoring", "scores")]
    public async Task Analyze_EachTypeWithLlm_ReturnsSeedFieldsTokensAndPersists(string type, string contentKey)
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, ChestCt);
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze", new
        {
            report_id = id,
            user_prompt = "请标注关键信息",
            annotation_type = type,
            temperature = 0.3,
            engine = "llm",
        });
        var body = await Ok(response);
        foreach (var field in new[] { "annotation_id", "report_id", "annotation_type", "content", "confidence", "model_name", "model_temperature", "created_at", "duration_seconds" })
        {
            Assert.True(body.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(type, body.GetProperty("annotation_type").GetString());
        Assert.True(body.GetProperty("content").TryGetProperty(contentKey, out _));
        Assert.Equal("qwen2.5:7b", body.GetProperty("model_name").GetString());
        Assert.Equal(0.3, body.GetProperty("model_temperature").GetDouble());
        Assert.Equal("llm", body.GetProperty("engine").GetString());
        Assert.True(body.GetProperty("eval_count").GetInt32() > 0);
        Assert.True(body.GetProperty("prompt_eval_count").GetInt32() > 0);
        Assert.True(body.GetProperty("timings").GetProperty("total_duration").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("prompt_version").GetString()));
        var confidence = body.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0, 1);

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/annotations");
        var stored = Assert.Single(listed.EnumerateArray());
        Assert.Equal(body.GetProperty("annotation_id").GetInt64(), stored.GetProperty("annotation_id").GetInt64());
        Assert.Equal("succeeded", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Analyze_Highlight_EveryGroundedSpanCutsOutItsText()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, ChestCt);
        var body = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "hybrid" }));
        var highlights = body.GetProperty("content").GetProperty("highlights").EnumerateArray().ToList();
        Assert.NotEmpty(highlights);
        foreach (var h in highlights.Where(h => h.GetProperty("grounding").GetProperty("match").GetString() != "none"))
        {
            var start = h.GetProperty("start").GetInt32();
            var end = h.GetProperty("end").GetInt32();
            Assert.Equal(h.GetProperty("grounding").GetProperty("source_text").GetString(), ChestCt[start..end]);
        }

        Assert.Equal("hybrid", body.GetProperty("engine").GetString());
        Assert.True(body.GetProperty("grounded_fraction").GetDouble() > 0.5);
        Assert.Contains(highlights, h => h.TryGetProperty("source", out var s) && s.GetString() is "both" or "rules" or "llm");
    }

    [Fact]
    public async Task Analyze_WrongOffsetsFromModel_AreCorrectedToTheRealSpan()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, ChestCt);
        var body = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", new
        {
            report_id = id,
            user_prompt = "[[emulator:fault=wrong_offsets]]",
            annotation_type = "highlight",
            engine = "llm",
        }));
        var highlights = body.GetProperty("content").GetProperty("highlights").EnumerateArray().ToList();
        Assert.NotEmpty(highlights);
        foreach (var h in highlights)
        {
            Assert.Equal("exact", h.GetProperty("grounding").GetProperty("match").GetString());
            Assert.Equal(h.GetProperty("text").GetString(), ChestCt[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public async Task Analyze_HallucinatedSpan_IsKeptButFlaggedUngrounded()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, ChestCt);
        var body = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", new
        {
            report_id = id,
            user_prompt = "[[emulator:fault=hallucinated_span]]",
            annotation_type = "highlight",
            engine = "llm",
        }));
        var highlights = body.GetProperty("content").GetProperty("highlights").EnumerateArray().ToList();
        var invented = highlights.Where(h => h.GetProperty("grounding").GetProperty("match").GetString() == "none").ToList();
        Assert.NotEmpty(invented);
        Assert.All(invented, h => Assert.DoesNotContain(h.GetProperty("text").GetString()!, ChestCt));
        Assert.True(body.GetProperty("grounded_fraction").GetDouble() < 1.0);
    }

    [Fact]
    public async Task Analyze_SameRequestTwice_SecondIsCachedUnlessBypassed()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, EnglishCt + " " + Guid.NewGuid());
        var request = new { report_id = id, user_prompt = "extract", annotation_type = "extraction", engine = "llm" };
        var first = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", request));
        var second = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", request));
        var bypassed = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "extract", annotation_type = "extraction", engine = "llm", cache = "bypass" }));
        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("content").GetRawText(), second.GetProperty("content").GetRawText());
        Assert.False(bypassed.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task AnalyzeText_English_UsesEnglishAndStoresNothing()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var body = await Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze-text", new
        {
            report_content = EnglishCt,
            user_prompt = "classify",
            annotation_type = "classification",
            engine = "rules",
        }));
        Assert.Equal(JsonValueKind.Null, body.TryGetProperty("annotation_id", out var a) ? a.ValueKind : JsonValueKind.Null);
        Assert.Equal("rules", body.GetProperty("engine").GetString());
        var classifications = body.GetProperty("content").GetProperty("classifications").EnumerateArray().ToList();
        Assert.Contains(classifications, c => c.GetProperty("dimension").GetString() == "检查部位" && c.GetProperty("category").GetString() == "胸部");
    }

    [Fact]
    public async Task Health_WithEmulator_IsHealthyAndDefaultEngineIsHybrid()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        var health = await client.GetFromJsonAsync<JsonElement>("/api/v1/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("database").GetString());
        Assert.Equal("ok", health.GetProperty("ollama").GetString());
        Assert.Equal("qwen2.5:7b", health.GetProperty("model").GetString());
        Assert.Equal("hybrid", health.GetProperty("engine").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    internal static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class AnalyzeSqliteTests(EmulatorAppFixture app) : AnalyzeTests<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>;

public sealed class AnalyzePostgresTests(PostgresEmulatorAppFixture app) : AnalyzeTests<PostgresEmulatorAppFixture>(app), IClassFixture<PostgresEmulatorAppFixture>;
