using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator.Faults;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

public sealed class JobsApiTests(JobsAppFixture app) : IClassFixture<JobsAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Task<List<int>> SeedAsync(int count, string modality = "CT", string? bodyPart = "胸部") =>
        TestReports.StoreAsync(app.Database.Url, count, Guid.NewGuid().ToString("N")[..8], modality, bodyPart);

    [Fact]
    public async Task BatchAnalyze_SeedBody_AnswersProcessingAndAnnotatesEveryReportOnce()
    {
        var ids = await SeedAsync(12);
        using var client = await app.RadiologistAsync();
        var response = await client.PostAsJsonAsync("/api/v1/ai/batch-analyze",
            new { report_ids = ids, user_prompt = "标出异常", annotation_type = "highlight", temperature = 0.7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("processing", body.GetProperty("status").GetString());
        Assert.Equal(12, body.GetProperty("report_count").GetInt32());
        Assert.Contains("12", body.GetProperty("message").GetString());
        var jobId = body.GetProperty("job_id").GetInt64();

        var job = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(12, job.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, job.GetProperty("pending").GetInt32());
        Assert.True(job.GetProperty("reports_per_minute").GetDouble() > 0);
        var perReport = await JobsTestData.AnnotationsPerReportAsync(app.Database.Url, jobId);
        Assert.Equal(ids.Order(), perReport.Keys.Order());
        Assert.All(perReport.Values, n => Assert.Equal(1, n));

        var annotations = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{ids[0]}/annotations");
        Assert.Contains(annotations.EnumerateArray(), a => a.GetProperty("job_id").GetInt64() == jobId);
    }

    [Fact]
    public async Task BatchAnalyze_MoreThan50Ids_Returns400ProblemDetails()
    {
        using var client = await app.RadiologistAsync();
        var response = await client.PostAsJsonAsync("/api/v1/ai/batch-analyze",
            new { report_ids = Enumerable.Range(1, 51), user_prompt = "", annotation_type = "highlight", temperature = 0.7 });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("50", problem.GetProperty("errors").GetProperty("report_ids")[0].GetString());
    }

    [Fact]
    public async Task CreateJob_WithFilter_TakesOnlyMatchingReportsNotYetAnalysed()
    {
        var modality = "MR" + Guid.NewGuid().ToString("N")[..6];
        var matching = await SeedAsync(6, modality, "头颅");
        await SeedAsync(3, modality, "腹部");
        using var client = await app.RadiologistAsync();
        var first = await CreateFilterJobAsync(client, modality);
        Assert.Equal(6, first.GetProperty("total").GetInt32());
        await JobsTestData.WaitUntilFinishedAsync(client, first.GetProperty("job_id").GetInt64(), Patience);

        var jobsBefore = await JobFilterTests<SqliteAppFixture>.JobCountAsync(client);
        var second = await client.PostAsJsonAsync("/api/v1/jobs", FilterJob(modality));

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest);
        Assert.Contains("selects no reports", problem.GetProperty("errors").GetProperty("filter")[0].GetString());
        Assert.Contains("not_analysed_with_type", problem.GetProperty("errors").GetProperty("filter")[0].GetString());
        Assert.Equal(jobsBefore, await JobFilterTests<SqliteAppFixture>.JobCountAsync(client));
        var perReport = await JobsTestData.AnnotationsPerReportAsync(app.Database.Url, first.GetProperty("job_id").GetInt64());
        Assert.Equal(matching.Order(), perReport.Keys.Order());
    }

    [Fact]
    public async Task Viewer_CanReadJobs_ButNotCreateOrControlThem()
    {
        var ids = await SeedAsync(2);
        using var radiologist = await app.RadiologistAsync();
        var created = await radiologist.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "classification" });
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        using var viewer = await app.ViewerAsync();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/jobs")).StatusCode);
        var create = await viewer.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight" });
        var batch = await viewer.PostAsJsonAsync("/api/v1/ai/batch-analyze", new { report_ids = ids, user_prompt = "", annotation_type = "highlight" });
        var cancel = await viewer.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, batch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
    }

    [Fact]
    public async Task RetryFailed_AfterSchemaFaults_RunsFailedItemsAgainAndKeepsOneAnnotationPerItem()
    {
        var ids = await SeedAsync(6);
        using var client = await app.RadiologistAsync();
        app.Emulator.SetFaults(new FaultSettings { Rate = 1, Faults = [EmulatorFaults.SchemaViolation] });
        long jobId;
        try
        {
            jobId = await CreateJobAsync(client, ids, "extraction");
            var failed = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);
            Assert.Equal("completed_with_errors", failed.GetProperty("status").GetString());
            Assert.Equal(6, failed.GetProperty("failed").GetInt32());
        }
        finally
        {
            app.Emulator.SetFaults(new FaultSettings { Rate = 0 });
        }

        var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/items?state=failed");
        Assert.Equal(6, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i => Assert.Contains("schema", i.GetProperty("last_error").GetString()));

        var retry = await client.PostAsync($"/api/v1/jobs/{jobId}/retry-failed", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(6, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retried").GetInt32());
        var done = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(6, done.GetProperty("succeeded").GetInt32());
        var succeeded = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/items?state=succeeded");
        Assert.All(succeeded.EnumerateArray(), i => Assert.True(i.GetProperty("annotation_id").GetInt64() > 0));
    }

    [Fact]
    public async Task TransientFaults_AreRetriedWithBackoff_UntilEveryItemSucceeds()
    {
        var ids = await SeedAsync(10);
        using var client = await app.RadiologistAsync();
        app.Emulator.SetFaults(new FaultSettings { Rate = 0.3, Faults = [EmulatorFaults.Http500], Seed = 7 });
        try
        {
            var jobId = await CreateJobAsync(client, ids, "classification");
            var job = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);

            Assert.Equal("completed", job.GetProperty("status").GetString());
            var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/items");
            Assert.Contains(items.EnumerateArray(), i => i.GetProperty("attempts").GetInt32() > 0);
        }
        finally
        {
            app.Emulator.SetFaults(new FaultSettings { Rate = 0 });
        }
    }

    private static async Task<long> CreateJobAsync(HttpClient client, IReadOnlyList<int> ids, string type)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = type, engine = "llm" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
    }

    private static object FilterJob(string modality) => new
    {
        filter = new { modality, body_part = "头颅", not_analysed_with_type = true },
        user_prompt = "",
        annotation_type = "scoring",
    };

    private static async Task<JsonElement> CreateFilterJobAsync(HttpClient client, string modality)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", FilterJob(modality));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
