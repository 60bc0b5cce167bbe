using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>With no Ollama listening, the product still works on the rules engine and says so.</summary>
public sealed class NoOllamaTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Health_WithoutOllama_IsDegradedAndNamesRulesEngine()
    {
        using var client = App.Anonymous();
        var health = await client.GetFromJsonAsync<JsonElement>("/api/v1/health");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("unavailable", health.GetProperty("ollama").GetString());
        Assert.Equal("rules", health.GetProperty("engine").GetString());
    }

    [Fact]
    public async Task Analyze_WithoutEngine_FallsBackToRules()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<SqliteAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var body = await AnalyzeTests<EmulatorAppFixture>.Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "classification" }));
        Assert.Equal("rules", body.GetProperty("engine").GetString());
        Assert.Equal("rules", body.GetProperty("model_name").GetString());
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        Assert.False(string.IsNullOrEmpty(report.GetProperty("urgency").GetString()));
    }

    [Fact]
    public async Task Analyze_WithLlmEngine_Returns503QuicklySayingHowToStartOllama()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<SqliteAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("ollama serve", problem.GetProperty("detail").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
