using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using ReportLens.Data.Entities;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Jobs;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>
/// Issue 12, item 2: SIGTERM to a server busy with slow LLM calls (interactive and a job) and long rules analyses
/// ends the process within 10 s, and the job's unfinished items go back to the queue: a restarted server finishes
/// the job with one annotation per report.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private const int Reports = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Sigterm_WithAnalysesAndAJobInFlight_ExitsWithin10SecondsAndTheJobResumesExactlyOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // About 2 output tokens a second: every model call would take minutes.
        await using var slow = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4, DecodeTokensPerSecond = 2, PromptTokensPerSecond = 200 });
        var environment = TestServerSettings.Defaults(database.Url, slow.BaseUrl.ToString());
        environment["OLLAMA_TIMEOUT"] = "600";
        environment["Jobs__LeaseSeconds"] = "60";
        environment["Jobs__PollSeconds"] = "0.2";

        List<int> ids;
        long jobId;
        await using (var server = ServerProcess.Start(environment))
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            ids = await TestReports.StoreAsync(database.Url, Reports, Guid.NewGuid().ToString("N")[..8]);
            using var client = await ExactlyOnceTests.SignInAsync(server.BaseAddress!);
            var created = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight", engine = "llm" });
            created.EnsureSuccessStatusCode();
            jobId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("job_id").GetInt64();

            using var interactive = await ExactlyOnceTests.SignInAsync(server.BaseAddress!, TimeSpan.FromMinutes(5));
            var inFlight = new List<Task<HttpResponseMessage>>
            {
                interactive.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = ids[0], user_prompt = "", annotation_type = "extraction", engine = "llm", cache = "bypass" }),
                interactive.PostAsJsonAsync("/api/v1/ai/analyze-text", new { report_content = LongReport(), annotation_type = "extraction", engine = "hybrid", cache = "bypass" }),
            };
            inFlight.AddRange(Enumerable.Range(0, 3).Select(_ =>
                interactive.PostAsJsonAsync("/api/v1/ai/analyze-text", new { report_content = LongReport(), annotation_type = "highlight", engine = "rules", cache = "bypass" })));
            await JobsTestData.WaitForJobAsync(client, jobId, j => j.GetProperty("running").GetInt32() > 0, Patience);
            var deadline = DateTime.UtcNow + Patience;
            while (slow.Stats.InFlight + slow.Stats.Queued < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(slow.Stats.InFlight + slow.Stats.Queued >= 3, "the model calls should be under way");
            var watch = Stopwatch.StartNew();
            server.Terminate();
            var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
            watch.Stop();
            output.WriteLine($"{provider}: exited {exited} after {watch.Elapsed.TotalSeconds:0.0} s; stderr: {server.StandardError}");
            Assert.True(exited && watch.Elapsed < TimeSpan.FromSeconds(10), $"SIGTERM took {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(0, server.ExitCode);
            foreach (var request in inFlight)
            {
                // Answered 503 (retry later) by the stopping server, or cut off with the connection: never left hanging.
                var outcome = await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
                Assert.Same(request, outcome);
            }
        }

        var states = await ExactlyOnceTests.StatesAsync(database.Url, jobId);
        output.WriteLine($"after SIGTERM: {string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"))}");
        Assert.False(states.ContainsKey(JobItemState.Running), "items of a stopped worker must be back in the queue, not left to their leases");
        Assert.Equal(Reports, states.Values.Sum());

        await using var fast = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4 });
        var restarted = new Dictionary<string, string?>(environment) { ["OLLAMA_BASE_URL"] = fast.BaseUrl.ToString() };
        await using (var second = ServerProcess.Start(restarted))
        {
            await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            using var client = await ExactlyOnceTests.SignInAsync(second.BaseAddress!);
            var job = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(Reports, job.GetProperty("succeeded").GetInt32());
        }

        await ExactlyOnceTests.AssertExactlyOnceAsync(database.Url, jobId, ids, expectedWorkers: null);
    }

    // A long report at the documented limit, made of findings so every stage has work to do.
    private static string LongReport()
    {
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < 99_000)
        {
            text.Append(i++ % 2 == 0 ? "右肺上叶见结节影，大小约8mm，边界清楚。" : "肝内见低密度灶，未见明显强化，考虑囊肿。");
        }

        return text.ToString();
    }
}
