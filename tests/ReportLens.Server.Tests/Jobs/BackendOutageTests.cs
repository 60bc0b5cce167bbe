using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>When no LLM endpoint answers, job items wait (no attempts used, none failed) and resume once one is back.</summary>
public sealed class BackendOutageTests(BackendOutageTests.NoBackendFixture app) : IClassFixture<BackendOutageTests.NoBackendFixture>
{
    public sealed class NoBackendFixture : SqliteAppFixture
    {
        public int Port { get; } = FreePort.Next();

        protected override Task<string> StartOllamaAsync() => Task.FromResult($"http://127.0.0.1:{Port}");

        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["Llm:BreakerBreakSeconds"] = "1";
            settings["Jobs:UnavailableWaitSeconds"] = "0.3";
            settings["Jobs:PollSeconds"] = "0.1";
            settings["Jobs:MaxAttempts"] = "2";
        }
    }

    [Fact]
    public async Task Job_WhileAllBackendsAreDown_WaitsWithoutFailing_ThenResumesByItself()
    {
        var ids = await TestReports.StoreAsync(app.Database.Url, 5, Guid.NewGuid().ToString("N")[..8]);
        using var client = await app.RadiologistAsync();
        var created = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight", engine = "llm" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.Equal(0, waiting.GetProperty("failed").GetInt32());
        Assert.Equal(0, waiting.GetProperty("succeeded").GetInt32());
        var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/items");
        Assert.All(items.EnumerateArray(), i => Assert.Equal(0, i.GetProperty("attempts").GetInt32()));
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("last_error").GetString() is { Length: > 0 });

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Url = $"http://127.0.0.1:{app.Port}" });
        var done = await JobsTestData.WaitUntilFinishedAsync(client, jobId, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(5, done.GetProperty("succeeded").GetInt32());
    }
}
