using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>Cancel, pause/resume and the SSE stream, on a slow emulator (1 slot) so a job stays in flight for a while.</summary>
public sealed class JobControlTests(JobControlTests.SlowFixture app) : IClassFixture<JobControlTests.SlowFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class SlowFixture : SqliteAppFixture
    {
        public EmulatorHost Emulator { get; private set; } = null!;

        protected override async Task<string> StartOllamaAsync()
        {
            Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 1, DecodeTokensPerSecond = 1500, PromptTokensPerSecond = 20000 });
            return Emulator.BaseUrl.ToString();
        }

        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["OLLAMA_NUM_PARALLEL"] = "1";
            settings["Jobs:PollSeconds"] = "0.1";
            settings["Jobs:EventsIntervalMs"] = "100";
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Emulator is not null)
            {
                await Emulator.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Cancel_RunningJob_CancelsPendingItemsAndLeavesNoneQueued()
    {
        using var client = await app.RadiologistAsync();
        var jobId = await StartJobAsync(client, 30);
        await JobsTestData.WaitForJobAsync(client, jobId, j => j.GetProperty("succeeded").GetInt32() >= 1, Patience);

        var response = await client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.True(cancelled.GetProperty("cancelled").GetInt32() > 0);
        Assert.Equal(0, cancelled.GetProperty("pending").GetInt32());
        var again = await client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        await Task.Delay(500);
        var later = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.True(later.GetProperty("succeeded").GetInt32() + later.GetProperty("cancelled").GetInt32() == 30,
            $"every item is either done or cancelled: {later}");
    }

    [Fact]
    public async Task PauseThenResume_StopsClaimingWhilePaused_ThenFinishes()
    {
        using var client = await app.RadiologistAsync();
        var jobId = await StartJobAsync(client, 12);
        await JobsTestData.WaitForJobAsync(client, jobId, j => j.GetProperty("succeeded").GetInt32() >= 1, Patience);

        var paused = await client.PostAsync($"/api/v1/jobs/{jobId}/pause", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        // The item in flight when paused may still finish; after that nothing moves.
        await JobsTestData.WaitForJobAsync(client, jobId, j => j.GetProperty("running").GetInt32() == 0, Patience);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        await Task.Delay(1000);
        var still = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.Equal("paused", still.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("succeeded").GetInt32(), still.GetProperty("succeeded").GetInt32());
        Assert.True(still.GetProperty("pending").GetInt32() > 0);

        var resumed = await client.PostAsync($"/api/v1/jobs/{jobId}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var done = await JobsTestData.WaitUntilFinishedAsync(client, jobId, Patience);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(12, done.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task Events_StreamProgressUntilTheJobEnds()
    {
        using var client = await app.ViewerAsync();
        using var writer = await app.RadiologistAsync();
        var jobId = await StartJobAsync(writer, 6);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{jobId}/events");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string Event, JsonElement Data)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name ?? "message", JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
            }
        }

        Assert.True(events.Count >= 2, $"expected several events, got {events.Count}");
        Assert.Equal("end", events[^1].Event);
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
        Assert.Equal(6, events[^1].Data.GetProperty("succeeded").GetInt32());
        Assert.All(events[..^1], e => Assert.Equal("progress", e.Event));
        var done = events.Select(e => e.Data.GetProperty("succeeded").GetInt32()).ToList();
        Assert.Equal(done.Order(), done);
    }

    [Fact]
    public async Task Control_UnknownJob_Returns404ProblemDetails()
    {
        using var client = await app.RadiologistAsync();
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/jobs/987654/pause", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/jobs/987654/events"), HttpStatusCode.NotFound);
    }

    private async Task<long> StartJobAsync(HttpClient client, int count)
    {
        var ids = await TestReports.StoreAsync(app.Database.Url, count, Guid.NewGuid().ToString("N")[..8]);
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight", engine = "llm" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
    }
}
