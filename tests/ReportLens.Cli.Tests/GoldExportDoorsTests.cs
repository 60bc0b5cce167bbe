using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Evaluation;
using ReportLens.Data;

namespace ReportLens.Cli.Tests;

/// <summary>
/// Issue 14 item 5: reviews made through the API become gold; `reportlens gold export` and GET /api/v1/gold/export
/// write the same bytes, and `reportlens eval --gold` on the file gives the rules engine exactly the figures the
/// server shows (GET /api/v1/gold/scores) — on SQLite and PostgreSQL.
/// </summary>
public sealed class GoldExportDoorsTests : IDisposable
{
    private const string Header = "姓名：张伟  住院号：ZY20230517\n备注：😀\n";
    private const string Text = Header + GoldScenario.Chinese;
    private static readonly string[] Identifiers = ["张伟", "ZY20230517"];
    private static readonly string[] ScoredMetrics =
        ["classification", "highlight_exact", "highlight_overlap", "findings", "measurements", "measurement_values", "locations", "negation", "normal_abnormal", "critical_reports"];

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReviewThenExport_BothDoorsWriteTheSameGold_AndEvalScoresTheEngineAsTheServerShows(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = provider == "postgres" ? await TestDatabase.CreateAsync("postgres") : null;
        var url = postgres?.Url ?? _workspace.DatabaseUrl;
        Task<CliResult> Cli(params string[] args) => CliProcess.RunAsync(_workspace.Folder, [.. args, "--database", url], null, null, ct);
        Assert.Equal(0, (await Cli("db", "migrate")).ExitCode);
        await using var server = await DatabaseServer.StartAsync(url, _workspace.Folder);
        using var client = await server.AdminClientAsync();

        // Nothing settled yet: an empty file and a summary, not an error.
        var empty = await client.GetAsync("/api/v1/gold/export", ct);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync(ct));
        var emptyCli = await Cli("gold", "export", "--output", _workspace.Path("empty.jsonl"));
        Assert.True(emptyCli.ExitCode == 0, emptyCli.ToString());
        Assert.Contains("exported 0 gold report(s)", emptyCli.Stdout, StringComparison.Ordinal);
        Assert.Empty(File.ReadAllBytes(_workspace.Path("empty.jsonl")));

        var (reportId, annotations) = await GoldScenario.AnalysedAsync(client, Text);
        var (_, partial) = await GoldScenario.AnalysedAsync(client, Text);
        var reviewed = await ReviewAsync(client, annotations);
        await GoldScenario.ReviewAsync(client, partial["highlight"].Id, [new { item = "highlights/0", decision = "accept" }]);

        var api = await client.GetAsync("/api/v1/gold/export", ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/x-ndjson", api.Content.Headers.ContentType?.MediaType);
        var apiBytes = await api.Content.ReadAsByteArrayAsync(ct);
        var cli = await Cli("gold", "export", "--output", _workspace.Path("gold.jsonl"));
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Equal(apiBytes, File.ReadAllBytes(_workspace.Path("gold.jsonl")));
        Assert.Contains("exported 1 gold report(s)", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("partially reviewed annotation: 1", cli.Stdout, StringComparison.Ordinal);

        var gold = Assert.Single(GoldFile.Load(_workspace.Path("gold.jsonl")));
        Assert.Equal($"report-{reportId}", gold.Id);
        Assert.Equal(Text, gold.Text);
        Assert.Equal(["highlight", "classification", "extraction"], gold.Reviewed!.Select(t => t.ToString().ToLowerInvariant()));
        var added = Assert.Single(gold.Findings, f => f.Text == "边界清楚");
        Assert.Equal((Text.IndexOf("边界清楚", StringComparison.Ordinal), Text.IndexOf("边界清楚", StringComparison.Ordinal) - 1, "right"),
            (added.Start, added.CodePointStart, added.Laterality));
        Assert.Equal(reviewed.Urgency, gold.Urgency);
        Assert.Equal(reviewed.Locations - 1, gold.Locations.Count);
        Assert.All(gold.Findings, f => Assert.Equal(f.Text, Text.Substring(f.Start!.Value, f.Text.Length)));

        // The round trip: eval on the exported file scores the reviewed engine exactly as the server shows.
        var eval = await Cli("eval", "--gold", _workspace.Path("gold.jsonl"), "--engines", "rules", "--json", _workspace.Path("eval.json"));
        Assert.True(eval.ExitCode == 0, eval.ToString());
        var evalMetrics = JsonDocument.Parse(File.ReadAllText(_workspace.Path("eval.json"))).RootElement.GetProperty("runs")[0].GetProperty("metrics");
        var scores = await client.GetFromJsonAsync<JsonElement>("/api/v1/gold/scores", ct);
        var rules = Assert.Single(scores.EnumerateArray());
        Assert.Equal("rules", rules.GetProperty("engine").GetString());
        Assert.Equal(1, rules.GetProperty("reports").GetInt32());
        var shown = rules.GetProperty("scores");
        Assert.All(ScoredMetrics, metric => Assert.Equal(evalMetrics.GetProperty(metric).GetRawText(), shown.GetProperty(metric).GetRawText()));
        Assert.True(shown.GetProperty("locations").GetProperty("precision").GetDouble() < 1, "a rejected location lowers the engine's precision");
        Assert.True(shown.GetProperty("highlight_exact").GetProperty("recall").GetDouble() < 1, "an added finding lowers the engine's recall");

        await AssertDeidentifiedAsync(client, Cli, ct);
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(url));
        var audits = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "export").ToListAsync(ct);
        Assert.Equal(["gold export", "gold export", "gold export, de-identified", "gold export, de-identified"], audits.Select(e => e.Detail).Order());
        Assert.All(audits, e => Assert.Equal(reportId, e.ReportId));
    }

    [Fact]
    public async Task Export_BadSince_Returns400ProblemAndCliUsageError()
    {
        var ct = TestContext.Current.CancellationToken;
        await _workspace.CreateDatabaseAsync();
        await using var server = await DatabaseServer.StartAsync(_workspace.DatabaseUrl, _workspace.Folder);
        using var client = await server.AdminClientAsync();

        var api = await client.GetAsync("/api/v1/gold/export?since=last-week", ct);
        var cli = await _workspace.RunAsync("gold", "export", "--output", _workspace.Path("g.jsonl"), "--since", "last-week");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True((await api.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("since", out _));
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("--since", cli.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.Path("g.jsonl")));
    }

    /// <summary>Both doors de-identify: no identifier in the file, and every span re-checked on the de-identified text.</summary>
    private async Task AssertDeidentifiedAsync(HttpClient client, Func<string[], Task<CliResult>> cli, CancellationToken ct)
    {
        var api = await client.GetStringAsync("/api/v1/gold/export?deidentify=true", ct);
        var run = await cli(["gold", "export", "--deidentify", "--output", _workspace.Path("deid.jsonl")]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("de-identified gold report(s)", run.Stdout, StringComparison.Ordinal);
        foreach (var written in new[] { api, await File.ReadAllTextAsync(_workspace.Path("deid.jsonl"), ct) })
        {
            Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, written, StringComparison.Ordinal));
            var record = Assert.Single(GoldFile.Parse(new StringReader(written)));
            Assert.Contains(record.Findings, f => f.Text == "边界清楚" && record.Text.Substring(f.Start!.Value, 4) == "边界清楚");
        }
    }

    /// <summary>
    /// Accepts everything but: the first highlight rejected, a location rejected, 紧急程度 corrected, and a missed finding added
    /// (a Chinese selection after an emoji) with its laterality; the corrected urgency and the engine's location count.
    /// </summary>
    private static async Task<(string Urgency, int Locations)> ReviewAsync(HttpClient client, Dictionary<string, (long Id, JsonElement Content)> annotations)
    {
        var (highlightId, highlights) = annotations["highlight"];
        await GoldScenario.ReviewAsync(client, highlightId, GoldScenario.Items(highlights)
            .Select(path => (object)new { item = path, decision = path == "highlights/0" ? "reject" : "accept" }));
        var start = Text.IndexOf("边界清楚", StringComparison.Ordinal);
        await GoldScenario.AddAsync(client, highlightId,
            new { list = "highlights", start, end = start + 4, text = "边界清楚", code_point_start = start - 1, attributes = new { category = "abnormal", laterality = "right" } });

        var (extractionId, extraction) = annotations["extraction"];
        var locations = extraction.GetProperty("locations").GetArrayLength();
        Assert.True(locations >= 2, "the rules engine should find at least two locations");
        await GoldScenario.ReviewAsync(client, extractionId, GoldScenario.Items(extraction)
            .Select(path => (object)new { item = path, decision = path == "locations/0" ? "reject" : "accept" }));

        var (classificationId, classification) = annotations["classification"];
        var items = classification.GetProperty("classifications").EnumerateArray().ToList();
        var urgencyIndex = items.FindIndex(c => c.GetProperty("dimension").GetString() == "紧急程度");
        var corrected = items[urgencyIndex].GetProperty("category").GetString() == "异常中度" ? "异常轻微" : "异常中度";
        await GoldScenario.ReviewAsync(client, classificationId, GoldScenario.Items(classification).Select(path => path == $"classifications/{urgencyIndex}"
            ? (object)new { item = path, decision = "edit", attributes = new { category = corrected } }
            : new { item = path, decision = "accept" }));
        return (corrected, locations);
    }
}
