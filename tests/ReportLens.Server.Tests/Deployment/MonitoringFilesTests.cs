using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Observability;
using ReportLens.Server.Tests.Observability;
using YamlDotNet.RepresentationModel;

namespace ReportLens.Server.Tests.Deployment;

public sealed partial class MonitoringFilesTests
{
    [Fact]
    public async Task DashboardAndAlerts_UseOnlyMetricsTheServerExports()
    {
        var exported = await ScrapeMetricFamiliesAsync();
        var queries = DashboardExpressions().Concat(AlertRules().Select(r => r.Text("expr")!)).ToList();
        var referenced = queries
            .SelectMany(q => MetricName().Matches(q).Select(m => m.Value))
            .Where(n => n.StartsWith("reportlens_", StringComparison.Ordinal) || n.StartsWith("http_", StringComparison.Ordinal) || n.StartsWith("process_", StringComparison.Ordinal))
            .Select(n => Regex.Replace(n, "_(bucket|count|sum)$", ""))
            .Distinct()
            .ToList();

        Assert.Contains("reportlens_llm_request_duration_seconds", referenced);
        Assert.All(referenced, n => Assert.True(exported.Contains(n), $"{n} is queried but not exported"));
    }

    [Fact]
    public void Alerts_OnJobItems_UseStatesJobItemsHave()
    {
        var states = AlertRules().Select(r => r.Text("expr")!)
            .SelectMany(q => JobItemsState().Matches(q).Select(m => m.Groups["state"].Value))
            .ToList();

        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Contains(s, ReportLens.Core.Json.WireNames.Of<ReportLens.Data.Entities.JobItemState>()));
    }

    [Fact]
    public void Dashboard_EveryQueryPanel_UsesTheDatasourceVariable()
    {
        using var dashboard = JsonDocument.Parse(RepositoryFiles.Read("deploy/grafana/reportlens.json"));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();

        Assert.Equal("reportlens-overview", dashboard.RootElement.GetProperty("uid").GetString());
        Assert.True(panels.Count >= 15);
        Assert.All(panels, p => Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString()));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void Alerts_CoverTheIssuesCases_EachWithSeverityAndSummary()
    {
        var rules = AlertRules().ToList();

        foreach (var name in new[] { "ReportLensDown", "ReportLensLlmBackendDown", "ReportLensQueueGrowing", "ReportLensHttpErrorRate",
                     "ReportLensSchemaFailures", "ReportLensJobItemsFailing", "ReportLensNoSuccessfulAnalysis" })
        {
            Assert.Contains(rules, r => r.Text("alert") == name);
        }

        Assert.All(rules, r =>
        {
            Assert.Contains(r.Find("labels")?.Text("severity"), new[] { "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace(r.Find("annotations")?.Text("summary")));
        });
    }

    [Fact]
    public void PrometheusConfig_ScrapesReportLensWithABearerTokenFile_AndNotOllama()
    {
        var config = RepositoryFiles.ReadYaml("deploy/prometheus/prometheus.yml");
        var jobs = config.Items("scrape_configs").ToList();
        var reportlens = Assert.Single(jobs, j => j.Text("job_name") == "reportlens");

        Assert.Equal("Bearer", reportlens.Find("authorization")?.Text("type"));
        Assert.Equal("/run/secrets/metrics_token", reportlens.Find("authorization")?.Text("credentials_file"));
        Assert.DoesNotContain(jobs, j => j.Text("job_name") == "ollama");
    }

    private static IEnumerable<YamlNode> AlertRules() =>
        RepositoryFiles.ReadYaml("deploy/prometheus/alerts.yml").Items("groups").SelectMany(g => g.Items("rules"));

    private static IEnumerable<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(RepositoryFiles.Read("deploy/grafana/reportlens.json"));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .ToList();
    }

    /// <summary>Metric family names from a real scrape after one observation of every ReportLens metric.</summary>
    private static async Task<HashSet<string>> ScrapeMetricFamiliesAsync()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>());
        var metrics = host.Services.GetRequiredService<ReportLensMetrics>();
        metrics.RecordLlmCall(new LlmCallObservation("b", "m", "highlight", LlmOutcomes.Success, TimeSpan.FromSeconds(1), 10, 10));
        metrics.RecordBackendState("b", true, 1, 0, 0);
        metrics.SetJobItems(new Dictionary<string, long> { ["pending"] = 0 });
        metrics.RecordGroundedFraction("llm", 1);
        metrics.RecordSchemaRepair("m");
        metrics.RecordSchemaFailure("m");
        metrics.RecordAnalysis("llm", "highlight", LlmOutcomes.Success);
        metrics.RecordCriticalClosed("acknowledged", TimeSpan.FromMinutes(3));
        metrics.SetCriticalCases(new Dictionary<string, long> { ["escalated"] = 0 });
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/1", TestContext.Current.CancellationToken)).StatusCode);
        var body = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return TypeLine().Matches(body).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("""reportlens_job_items\{state="(?<state>[a-z_]+)"\}""")]
    private static partial Regex JobItemsState();

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^# TYPE (?<name>\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
