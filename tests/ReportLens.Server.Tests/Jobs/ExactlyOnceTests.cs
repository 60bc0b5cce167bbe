using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>
/// Jobs survive crashes and share work between processes without losing or doubling an annotation:
/// real server processes, a real database, the emulator with a decode rate so a job takes seconds.
/// </summary>
public sealed class ExactlyOnceTests(ITestOutputHelper output)
{
    private const int Reports = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Job_WhenServerIsKilledMidwayAndRestarted_AnnotatesEveryReportExactlyOnce()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var database = TestDatabase.CreateSqlite();
        var environment = Environment(database, emulator);

        long jobId;
        List<int> ids;
        await using (var first = ServerProcess.Start(environment))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            ids = await TestReports.StoreAsync(database.Url, Reports, Guid.NewGuid().ToString("N")[..8]);
            using var client = await SignInAsync(first.BaseAddress!);
            jobId = await CreateJobAsync(client, ids);
            var midway = await JobsTestData.WaitForJobAsync(client, jobId, j => j.GetProperty("succeeded").GetInt32() >= 40, Patience);
            Assert.True(midway.GetProperty("succeeded").GetInt32() < Reports, "the job should still be running when the server dies");
            output.WriteLine($"killing the server at {midway.GetProperty("succeeded").GetInt32()} succeeded ({midway.GetProperty("reports_per_minute").GetDouble()} reports/min, {midway.GetProperty("tokens_per_second").GetDouble()} tokens/s)");
            first.Kill();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        var afterCrash = await StatesAsync(database.Url, jobId);
        Assert.True(afterCrash.GetValueOrDefault(JobItemState.Succeeded) < Reports);

        await using (var second = ServerProcess.Start(environment))
        {
            await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = await SignInAsync(second.BaseAddress!);
            var job = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);
            output.WriteLine($"restarted job finished: {job}");
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(Reports, job.GetProperty("succeeded").GetInt32());
        }

        await AssertExactlyOnceAsync(database.Url, jobId, ids, expectedWorkers: 2);
    }

    [Fact]
    public async Task Job_WithTwoServerProcessesOnOnePostgresDatabase_AnnotatesEveryReportExactlyOnce()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Assert.Skip($"PostgreSQL not configured ({TestDatabase.PostgresVariable} is not set)");
        }

        await using var emulator = await StartEmulatorAsync();
        await using var database = await TestDatabase.CreatePostgresAsync();
        var environment = Environment(database, emulator);
        await using var first = ServerProcess.Start(environment);
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await using var second = ServerProcess.Start(environment);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var ids = await TestReports.StoreAsync(database.Url, Reports, Guid.NewGuid().ToString("N")[..8]);

        using var client = await SignInAsync(first.BaseAddress!);
        var jobId = await CreateJobAsync(client, ids);
        using var other = await SignInAsync(second.BaseAddress!);
        var job = await JobsTestData.WaitUntilFinishedAsync(other, jobId, Patience);
        output.WriteLine($"job finished: {job}");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(Reports, job.GetProperty("succeeded").GetInt32());
        await AssertExactlyOnceAsync(database.Url, jobId, ids, expectedWorkers: 2);
    }

    private static Task<EmulatorHost> StartEmulatorAsync() =>
        EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4, DecodeTokensPerSecond = 600, PromptTokensPerSecond = 20000 });

    private static Dictionary<string, string?> Environment(TestDatabase database, EmulatorHost emulator)
    {
        var settings = TestServerSettings.Defaults(database.Url, emulator.BaseUrl.ToString());
        settings["Jobs__LeaseSeconds"] = "2";
        settings["Jobs__PollSeconds"] = "0.2";
        settings["Logging__LogLevel__Default"] = "Warning";
        return settings;
    }

    internal static Task<HttpClient> SignInAsync(Uri baseAddress, TimeSpan? timeout = null) =>
        ApiLogin.SignedInClientAsync(baseAddress, TestServerSettings.AdminUser, TestServerSettings.AdminPassword, timeout ?? TimeSpan.FromSeconds(30));

    private static async Task<long> CreateJobAsync(HttpClient client, List<int> ids)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "标出异常", annotation_type = "highlight", engine = "llm" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
    }

    internal static async Task<Dictionary<JobItemState, int>> StatesAsync(string url, long jobId)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(url));
        return await db.JobItems.Where(i => i.JobId == jobId).GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    internal static async Task AssertExactlyOnceAsync(string url, long jobId, List<int> ids, int? expectedWorkers)
    {
        var perReport = await JobsTestData.AnnotationsPerReportAsync(url, jobId);
        Assert.Equal(ids.Order(), perReport.Keys.Order());
        Assert.All(perReport, p => Assert.True(p.Value == 1, $"report {p.Key} has {p.Value} annotations for job {jobId}"));

        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(url));
        var items = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId).ToListAsync();
        Assert.All(items, i => Assert.Equal(JobItemState.Succeeded, i.State));
        var linked = await db.Annotations.Where(a => a.JobId == jobId).Select(a => new { a.Id, a.JobItemId }).ToListAsync();
        Assert.Equal(items.Select(i => (i.AnnotationId, (long?)i.Id)).Order(), linked.Select(a => ((long?)a.Id, a.JobItemId)).Order());
        if (expectedWorkers is { } workers)
        {
            Assert.Equal(workers, items.Select(i => i.LeaseOwner).Distinct().Count());
        }
    }
}
