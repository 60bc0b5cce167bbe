using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Analysis;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Jobs;

namespace ReportLens.Server.Tests.Usage;

/// <summary>
/// Tokens are recorded with each fresh analysis and summed per job and, over a period, per model, backend and user
/// (GET /api/v1/usage); cache hits and the rules engine cost nothing. Against the emulator on SQLite and PostgreSQL.
/// </summary>
public abstract class UsageApiTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : EmulatorAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Usage_AfterAnalysesAndAJob_SumsFreshTokensPerModelUserBackendAndJob()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        using var admin = await App.AdminAsync();
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await ReportsApiTests<TFixture>.CreateAsync(radiologist, AnalyzeTests<TFixture>.ChestCt + $"\n编号 {i}"));
        }

        var byRadiologist = await AnalyzeAsync(radiologist, ids[0], "qwen2.5:7b");
        var cachedAgain = await AnalyzeAsync(radiologist, ids[0], "qwen2.5:7b");
        var byAdmin = await AnalyzeAsync(admin, ids[1], "llama3.1:8b");
        await AnalyzeAsync(admin, ids[1], model: null, engine: "rules");
        Assert.True(cachedAgain.GetProperty("cached").GetBoolean());

        var created = await admin.PostAsJsonAsync("/api/v1/jobs",
            new { report_ids = ids[2..], user_prompt = "", annotation_type = "highlight", engine = "llm", model = "gemma2:9b" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        var job = await JobsTestData.WaitUntilFinishedAsync(admin, jobId, Patience);
        Assert.Equal(2, job.GetProperty("succeeded").GetInt32());
        var jobTokens = await JobAnnotationTokensAsync(admin, job);
        Assert.True(jobTokens.Prompt > 0 && jobTokens.Output > 0);
        Assert.Equal(jobTokens.Prompt, job.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(jobTokens.Output, job.GetProperty("output_tokens").GetInt64());
        Assert.Equal(0, job.GetProperty("thinking_tokens").GetInt64());

        var perModel = await UsageAsync(admin, "model");
        Assert.Equal(["gemma2:9b", "llama3.1:8b", "qwen2.5:7b"], perModel.Keys.Order());
        AssertRow(perModel["qwen2.5:7b"], 1, Tokens(byRadiologist));
        AssertRow(perModel["llama3.1:8b"], 1, Tokens(byAdmin));
        AssertRow(perModel["gemma2:9b"], 2, jobTokens);
        Assert.True(perModel["qwen2.5:7b"].GetProperty("gpu_seconds").GetDouble() > 0);
        Assert.True(perModel["qwen2.5:7b"].GetProperty("output_tokens_per_second").GetDouble() > 0, "the emulator reports eval_duration");

        var perUser = await UsageAsync(admin, "user");
        Assert.Equal(["admin", "radiologist1"], perUser.Keys.Order());
        AssertRow(perUser["radiologist1"], 1, Tokens(byRadiologist));
        AssertRow(perUser["admin"], 3, (Tokens(byAdmin).Prompt + jobTokens.Prompt, Tokens(byAdmin).Output + jobTokens.Output));

        var perBackend = await UsageAsync(admin, "backend");
        var backend = Assert.Single(perBackend);
        Assert.Equal(byRadiologist.GetProperty("backend").GetString(), backend.Key);
        Assert.Equal(4, backend.Value.GetProperty("analyses").GetInt32());

        var perJob = await UsageAsync(admin, "job");
        AssertRow(perJob[$"job {jobId}"], 2, jobTokens);
        Assert.True(perJob[$"job {jobId}"].GetProperty("gpu_seconds").GetDouble() > 0);

        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Empty(await UsageAsync(admin, "model", $"&from={tomorrow}&to={tomorrow}"));
    }

    [Theory]
    [InlineData("group_by=patient", "group_by")]
    [InlineData("from=2026-12-05&to=2026-12-01", "from")]
    public async Task Usage_BadQuery_IsA400Problem(string query, string field)
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var response = await admin.GetAsync($"/api/v1/usage?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Usage_NotAdmin_IsForbidden()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await radiologist.GetAsync("/api/v1/usage")).StatusCode);
    }

    private static async Task<JsonElement> AnalyzeAsync(HttpClient client, int reportId, string? model, string engine = "llm") =>
        await AnalyzeTests<TFixture>.Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = reportId, user_prompt = "", annotation_type = "highlight", engine, model }));

    private static (long Prompt, long Output) Tokens(JsonElement annotation) =>
        (annotation.GetProperty("prompt_eval_count").GetInt64(), annotation.GetProperty("eval_count").GetInt64());

    /// <summary>The job's tokens summed from its annotations as the API shows each one.</summary>
    private static async Task<(long Prompt, long Output)> JobAnnotationTokensAsync(HttpClient client, JsonElement job)
    {
        var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job.GetProperty("job_id").GetInt64()}/items");
        long prompt = 0, output = 0;
        foreach (var item in items.EnumerateArray())
        {
            var annotation = await client.GetFromJsonAsync<JsonElement>($"/api/v1/annotations/{item.GetProperty("annotation_id").GetInt64()}");
            (prompt, output) = (prompt + Tokens(annotation).Prompt, output + Tokens(annotation).Output);
        }

        return (prompt, output);
    }

    private static void AssertRow(JsonElement row, int analyses, (long Prompt, long Output) tokens)
    {
        Assert.Equal(analyses, row.GetProperty("analyses").GetInt32());
        Assert.Equal(tokens.Prompt, row.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(tokens.Output, row.GetProperty("output_tokens").GetInt64());
        Assert.Equal(0, row.GetProperty("thinking_tokens").GetInt64());
    }

    private static async Task<Dictionary<string, JsonElement>> UsageAsync(HttpClient admin, string groupBy, string period = "")
    {
        var body = await AnalyzeTests<TFixture>.Ok(await admin.GetAsync($"/api/v1/usage?group_by={groupBy}{period}"));
        Assert.Equal(groupBy, body.GetProperty("group_by").GetString());
        var rows = body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var total = body.GetProperty("total");
        Assert.Equal(rows.Values.Sum(r => r.GetProperty("analyses").GetInt32()), total.GetProperty("analyses").GetInt32());
        Assert.Equal(rows.Values.Sum(r => r.GetProperty("prompt_tokens").GetInt64()), total.GetProperty("prompt_tokens").GetInt64());
        return rows;
    }
}

public sealed class UsageApiSqliteTests(EmulatorAppFixture app) : UsageApiTests<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>;

public sealed class UsageApiPostgresTests(PostgresEmulatorAppFixture app) : UsageApiTests<PostgresEmulatorAppFixture>(app), IClassFixture<PostgresEmulatorAppFixture>;
