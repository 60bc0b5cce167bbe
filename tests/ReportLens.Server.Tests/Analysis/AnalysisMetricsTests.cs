using System.Net.Http.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>Analyses show up in /metrics (scraped from loopback, which needs no token when METRICS_TOKEN is unset).</summary>
public sealed class AnalysisMetricsTests(EmulatorAppFixture app) : ApiTest<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>
{
    [Fact]
    public async Task Metrics_AfterLlmAnalysesAndACacheHit_CountCallsTokensCacheAndBackends()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var request = new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm" };
        (await client.PostAsJsonAsync("/api/v1/ai/analyze", request)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/ai/analyze", request)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "[[emulator:fault=invalid_json]]", annotation_type = "scoring", engine = "llm" })).Dispose();

        using var scraper = App.Anonymous();
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Contains("reportlens_llm_requests_total{", metrics);
        Assert.Contains("model=\"qwen2.5:7b\"", metrics);
        Assert.Matches("reportlens_cache_hits_total [1-9]", metrics);
        Assert.Matches("reportlens_cache_misses_total [1-9]", metrics);
        Assert.Matches("reportlens_schema_failures_total\\{model=\"qwen2.5:7b\"\\} [1-9]", metrics);
        // One fresh call's tokens by kind, model and backend; the cache hit adds none, and no user name is a label.
        Assert.Matches("reportlens_llm_tokens_total\\{kind=\"prompt\",model=\"qwen2.5:7b\",backend=\"[^\"]+\"\\} [1-9]", metrics);
        Assert.Matches("reportlens_llm_tokens_total\\{kind=\"output\",model=\"qwen2.5:7b\",backend=\"[^\"]+\"\\} [1-9]", metrics);
        Assert.DoesNotContain("radiologist1", metrics);
        Assert.Contains("reportlens_backend_slots{", metrics);
        Assert.Contains("reportlens_grounded_fraction_bucket{", metrics);
        Assert.DoesNotContain("双肺", metrics);
    }
}
