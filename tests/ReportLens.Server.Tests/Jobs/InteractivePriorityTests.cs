using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>
/// With a job keeping every slot busy and more batch calls waiting for one, an interactive analysis takes the next
/// free slot: only the batch items already holding slots finish before it, not the ones queued behind them.
/// </summary>
public sealed class InteractivePriorityTests(InteractivePriorityTests.SaturatedFixture app) : IClassFixture<InteractivePriorityTests.SaturatedFixture>
{
    private const int Slots = 4;

    public sealed class SaturatedFixture : SqliteAppFixture
    {
        public EmulatorHost Emulator { get; private set; } = null!;

        protected override async Task<string> StartOllamaAsync()
        {
            Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = Slots, DecodeTokensPerSecond = 400, PromptTokensPerSecond = 20000 });
            return Emulator.BaseUrl.ToString();
        }

        // Three batch calls per slot: eight of them always wait in the pool's queue, so priority decides who goes next.
        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["OLLAMA_NUM_PARALLEL"] = Slots.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Jobs:Concurrency"] = (3 * Slots).ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Jobs:PollSeconds"] = "0.1";
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
    public async Task Analyze_WhileJobSaturatesSlots_OvertakesQueuedBatchItems()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = await TestReports.StoreAsync(app.Database.Url, 61, tag);
        using var client = await app.RadiologistAsync();
        var created = await client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids[1..], user_prompt = "", annotation_type = "highlight", engine = "llm" });
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        var busy = await JobsTestData.WaitForJobAsync(client, jobId,
            j => j.GetProperty("succeeded").GetInt32() >= Slots && j.GetProperty("running").GetInt32() == 3 * Slots, TimeSpan.FromSeconds(60));
        Assert.True(busy.GetProperty("pending").GetInt32() > 0);

        var asked = DateTimeOffset.UtcNow;
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = ids[0], user_prompt = "", annotation_type = "highlight", engine = "llm", cache = "bypass" });
        var answered = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(app.Database.Url));
        var batchTimes = await db.Annotations.Where(a => a.JobId == jobId).Select(a => a.CreatedAt).ToListAsync();
        var finishedMeanwhile = batchTimes.Count(t => t > asked && t < answered);
        // Those holding slots when the request came (4) finish; without priority the 8 queued ones would too.
        Assert.True(finishedMeanwhile <= Slots + 1,
            $"{finishedMeanwhile} batch items finished while the interactive call waited {(answered - asked).TotalMilliseconds:0} ms");
        await client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);
    }
}
