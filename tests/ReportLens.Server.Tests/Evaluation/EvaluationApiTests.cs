using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Testing;

namespace ReportLens.Server.Tests.Evaluation;

/// <summary>Issue 14, items 6–7: gold sets and evaluation runs through real HTTP; the API's figures are the CLI's.</summary>
public abstract class EvaluationApiTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    private static readonly string GoldPath = Path.Combine(RepoPaths.Root, "tests", "data", "corpus", "gold.jsonl");

    private static string GoldLines(int count) => string.Join('\n', File.ReadLines(GoldPath).Where(l => l.Length > 0).Take(count)) + "\n";

    [Fact]
    public async Task Evaluate_RulesOnGoldSubset_StoresFiguresEqualToWhatTheCliPrints()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        var content = GoldLines(8);
        var goldSet = await UploadAsync(admin, "eight reports", content);
        Assert.Equal(HttpStatusCode.Created, goldSet.StatusCode);
        var goldSetId = (await goldSet.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();

        var started = await admin.PostAsJsonAsync("/api/v1/evaluations", new { gold_set_id = goldSetId, engines = new[] { "rules" } }, ct);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var run = await WaitForResultsAsync(admin, runId);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal((8, 8), (run.GetProperty("total").GetInt32(), run.GetProperty("succeeded").GetInt32()));
        var api = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("rules", api.GetProperty("label").GetString());
        var job = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{run.GetProperty("job_id").GetInt64()}", ct);
        Assert.Equal(runId, job.GetProperty("evaluation_run_id").GetInt64());
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluations", ct);
        Assert.Contains(history.EnumerateArray(), r => r.GetProperty("id").GetInt64() == runId && r.GetProperty("results").GetArrayLength() == 1);
        await using (var db = TestDb.Open(App))
        {
            // The upload and the start are audited with their actor; the records name the set and run, never report text.
            var audits = await db.AuditEntries.Where(e => e.Action == "gold_set_upload" || e.Action == "evaluation_start").ToListAsync(ct);
            var upload = Assert.Single(audits, e => e.Action == "gold_set_upload" && e.Detail!.StartsWith($"gold set {goldSetId} ", StringComparison.Ordinal));
            var start = Assert.Single(audits, e => e.Action == "evaluation_start" && e.Detail!.StartsWith($"evaluation run {runId} ", StringComparison.Ordinal));
            Assert.All(new[] { upload, start }, e => Assert.Equal((TestServerSettings.AdminUser, "admin"), (e.Username, e.Role)));
            Assert.Contains("8 report(s)", upload.Detail, StringComparison.Ordinal);
            Assert.Contains($"gold set {goldSetId} ", start.Detail, StringComparison.Ordinal);
        }

        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "gold.jsonl"), content, new UTF8Encoding(false));
        var cli = await CliProcess.RunAsync(folder.Path, ["eval", "--gold", "gold.jsonl", "--engines", "rules", "--json", "eval.json"], null, null, ct);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var printed = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "eval.json")));
        var expected = printed.RootElement.GetProperty("runs")[0].GetProperty("figures");
        var actual = api.GetProperty("figures");
        Assert.Equal(8, actual.GetProperty("report_count").GetInt32());
        // Latency differs between two runs; every fraction, its interval, the per-class figures and the calibration may not.
        Assert.Equal(Fractions(expected), Fractions(actual));
        Assert.Equal(PerClass(expected), PerClass(actual));
        Assert.Equal(Calibration(expected), Calibration(actual));
        Assert.Contains(Fractions(actual), f => f.StartsWith("classification: 紧急程度=", StringComparison.Ordinal) && f.Contains('[', StringComparison.Ordinal));
        Assert.NotEmpty(PerClass(actual));
        Assert.True(actual.GetProperty("calibration").GetProperty("count").GetInt32() > 0);
    }

    [Theory]
    [InlineData("finding", 2)]
    [InlineData("json", 3)]
    public async Task UploadGoldSet_BadLine_Returns400NamingTheLineAndStoresNothing(string fault, int line)
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        var lines = GoldLines(3).TrimEnd('\n').Split('\n');
        if (fault == "finding")
        {
            // A span whose text the report does not contain.
            var report = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(lines[1])!;
            report["findings"] = JsonSerializer.SerializeToElement(new[] { new { text = "不在报告里的文字", abnormal = true } });
            lines[1] = JsonSerializer.Serialize(report);
        }
        else
        {
            lines[2] = "{broken";
        }

        var name = $"bad-{fault}-{Guid.NewGuid():N}";
        var response = await UploadAsync(admin, name, string.Join('\n', lines));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.StartsWith($"{name}:{line}:", problem.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        var sets = await admin.GetFromJsonAsync<JsonElement>("/api/v1/gold-sets", ct);
        Assert.DoesNotContain(sets.EnumerateArray(), s => s.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task StartEvaluation_BadRequests_Return400NamingTheField()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        var goldSet = await (await UploadAsync(admin, "one report", GoldLines(1))).Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = goldSet.GetProperty("id").GetInt32();

        foreach (var (body, field) in new (object, string)[]
        {
            (new { gold_set_id = id, engines = new[] { "magic" } }, "engines"),
            (new { gold_set_id = id, engines = new[] { "llm" } }, "models"),
            (new { gold_set_id = id, engines = new[] { "llm" }, models = new[] { "qwen2.5:7b" }, prompt_versions = new[] { "1999-01-01.9" } }, "prompt_versions"),
            (new { gold_set_id = 999_999, engines = new[] { "rules" } }, "gold_set_id"),
            (new { engines = new[] { "rules" } }, "gold_set_id"),
        })
        {
            var problem = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/evaluations", body, ct), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/evaluations/999999", ct), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await UploadAsync(admin, "empty", "\n\n"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Evaluation_IsForAdmins()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var radiologist = await App.RadiologistAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(radiologist, "x", GoldLines(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await radiologist.GetAsync("/api/v1/evaluations", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await radiologist.PostAsJsonAsync("/api/v1/evaluations", new { gold_set_id = 1, engines = new[] { "rules" } }, ct)).StatusCode);
    }

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, string jsonl) =>
        client.PostAsync($"/api/v1/gold-sets?name={Uri.EscapeDataString(name)}", new StringContent(jsonl, Encoding.UTF8, "application/jsonl"),
            TestContext.Current.CancellationToken);

    internal static async Task<JsonElement> WaitForResultsAsync(HttpClient client, long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{runId}", TestContext.Current.CancellationToken);
            // Null members are left out of the JSON: no "results" until the run is scored.
            if (run.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"evaluation {runId} did not finish: {run}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static List<string> Fractions(JsonElement figures) =>
    [
        .. figures.GetProperty("metrics").EnumerateArray().Where(m => m.GetProperty("is_fraction").GetBoolean())
            .Select(m => $"{m.GetProperty("name").GetString()}={(m.TryGetProperty("value", out var v) ? Number(v) : "null")}"
                + (m.TryGetProperty("interval", out var ci) ? $" [{Number(ci.GetProperty("low"))}, {Number(ci.GetProperty("high"))}]" : "")),
    ];

    private static List<string> PerClass(JsonElement figures) =>
    [
        .. figures.GetProperty("per_class").EnumerateArray().Select(c =>
        {
            var s = c.GetProperty("score");
            return $"{c.GetProperty("dimension").GetString()}/{c.GetProperty("class").GetString()}: {s.GetProperty("predicted")} {s.GetProperty("gold")} {s.GetProperty("matched")}";
        }),
    ];

    private static List<string> Calibration(JsonElement figures)
    {
        var calibration = figures.GetProperty("calibration");
        return
        [
            $"ece {Number(calibration.GetProperty("expected_calibration_error"))} n {calibration.GetProperty("count")}",
            .. calibration.GetProperty("bins").EnumerateArray().Select(b =>
                $"{Number(b.GetProperty("lower"))} {b.GetProperty("count")} {Number(b.GetProperty("mean_confidence"))} {Number(b.GetProperty("accuracy"))}"),
        ];
    }

    private static string Number(JsonElement value) => value.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("reportlens-eval-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

public sealed class EvaluationApiSqliteTests(SqliteAppFixture app) : EvaluationApiTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class EvaluationApiPostgresTests(PostgresAppFixture app) : EvaluationApiTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
