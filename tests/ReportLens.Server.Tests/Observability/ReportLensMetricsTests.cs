using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Tests.Observability;

public sealed partial class ReportLensMetricsTests
{
    [Fact]
    public async Task Scrape_AfterRecording_ExposesEveryReportLensMetricWithValues()
    {
        var now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>(), time: new FakeTimeProvider(now));
        var metrics = host.Services.GetRequiredService<ReportLensMetrics>();

        metrics.RecordLlmCall(new LlmCallObservation("ollama-1", "qwen2.5:7b", "highlight", "success",
            TimeSpan.FromSeconds(3), PromptTokens: 400, OutputTokens: 100, EvalDuration: TimeSpan.FromSeconds(2), ThinkingTokens: 30));
        metrics.RecordLlmCall(new LlmCallObservation("ollama-1", "qwen2.5:7b", "highlight", "no-such-outcome", TimeSpan.FromSeconds(1)));
        metrics.RecordBackendState("ollama-1", up: true, slots: 4, slotsInUse: 3, queueLength: 7);
        metrics.SetJobItems(new Dictionary<string, long> { ["queued"] = 12, ["failed"] = 2 });
        metrics.RecordCache(hit: true);
        metrics.RecordCache(hit: false);
        metrics.RecordCache(hit: false);
        metrics.RecordGroundedFraction("llm", 0.8);
        metrics.RecordSchemaRepair("qwen2.5:7b");
        metrics.RecordSchemaFailure("qwen2.5:7b");
        metrics.RecordAnalysis("llm", "highlight", "success");
        var body = await ScrapeAsync(host);

        Assert.Equal(1, Value(body, "reportlens_llm_requests_total", "outcome=\"success\""));
        Assert.Equal(1, Value(body, "reportlens_llm_requests_total", "outcome=\"error\""));
        Assert.Equal(2, Value(body, "reportlens_llm_request_duration_seconds_count", "annotation_type=\"highlight\""));
        Assert.Equal(400, Value(body, "reportlens_llm_tokens_total", "kind=\"prompt\"", "model=\"qwen2.5:7b\"", "backend=\"ollama-1\""));
        Assert.Equal(100, Value(body, "reportlens_llm_tokens_total", "kind=\"output\"", "model=\"qwen2.5:7b\"", "backend=\"ollama-1\""));
        Assert.Equal(30, Value(body, "reportlens_llm_tokens_total", "kind=\"thinking\"", "model=\"qwen2.5:7b\"", "backend=\"ollama-1\""));
        Assert.Equal(50, Value(body, "reportlens_llm_tokens_per_second", "backend=\"ollama-1\""));
        Assert.Equal(1, Value(body, "reportlens_backend_up", "backend=\"ollama-1\""));
        Assert.Equal(4, Value(body, "reportlens_backend_slots", "backend=\"ollama-1\""));
        Assert.Equal(3, Value(body, "reportlens_backend_slots_in_use", "backend=\"ollama-1\""));
        Assert.Equal(7, Value(body, "reportlens_backend_queue_length", "backend=\"ollama-1\""));
        Assert.Equal(12, Value(body, "reportlens_job_items", "state=\"queued\""));
        Assert.Equal(1, Value(body, "reportlens_cache_hits_total", ""));
        Assert.Equal(2, Value(body, "reportlens_cache_misses_total", ""));
        Assert.Equal(1, Value(body, "reportlens_grounded_fraction_count", "engine=\"llm\""));
        Assert.Equal(1, Value(body, "reportlens_schema_repairs_total", "model=\"qwen2.5:7b\""));
        Assert.Equal(1, Value(body, "reportlens_schema_failures_total", "model=\"qwen2.5:7b\""));
        Assert.Equal(1, Value(body, "reportlens_analyses_total", "outcome=\"success\""));
        Assert.Equal(now.ToUnixTimeSeconds(), Value(body, "reportlens_last_successful_analysis_timestamp_seconds", ""));
    }

    [Fact]
    public async Task Scrape_AfterApiCalls_CountsHttpRequestsByRouteTemplateAndStatus()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>());
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/5", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/6", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/nowhere", TestContext.Current.CancellationToken)).StatusCode);

        var body = await ScrapeAsync(host);

        // One series for the template, not one per report id: ids must not explode cardinality.
        Assert.Equal(2, Value(body, "http_requests_received_total", "code=\"200\"", "endpoint=\"/api/v1/reports/{id:int}\""));
        Assert.Equal(1, Value(body, "http_requests_received_total", "code=\"404\""));
        Assert.DoesNotContain("reports/5", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_WithCollectCallback_RefreshesGaugesBeforeExport()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>());
        var metrics = host.Services.GetRequiredService<ReportLensMetrics>();
        var scrapes = 0;
        metrics.AddCollectCallback(_ =>
        {
            scrapes++;
            metrics.SetJobItems(new Dictionary<string, long> { ["running"] = scrapes * 10 });
            return Task.CompletedTask;
        });

        await ScrapeAsync(host);
        var second = await ScrapeAsync(host);

        Assert.Equal(20, Value(second, "reportlens_job_items", "state=\"running\""));
    }

    private static async Task<string> ScrapeAsync(ObservabilityHost host)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The sample value of the one series of <paramref name="name"/> whose labels contain every fragment.</summary>
    private static double Value(string exposition, string name, params string[] labelFragments)
    {
        var matches = SampleLine().Matches(exposition)
            .Where(m => m.Groups["name"].Value == name && labelFragments.All(f => m.Groups["labels"].Value.Contains(f, StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1, $"expected one series {name} with {string.Join(',', labelFragments)}, found {matches.Count}");
        return double.Parse(matches[0].Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
