using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>The persistent result cache: hits skip the model and answer in milliseconds; bypass runs it; stats count both.</summary>
public sealed class ResultCacheTests(JobsAppFixture app) : IClassFixture<JobsAppFixture>
{
    [Fact]
    public async Task Analyze_RepeatedRequest_HitsCacheWithoutCallingTheModel_BypassCallsIt()
    {
        var ids = await TestReports.StoreAsync(app.Database.Url, 1, Guid.NewGuid().ToString("N")[..8]);
        using var client = await app.RadiologistAsync();
        var request = new { report_id = ids[0], user_prompt = "缓存", annotation_type = "extraction", engine = "llm" };
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/ai/cache");
        var first = await (await client.PostAsJsonAsync("/api/v1/ai/analyze", request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(first.GetProperty("cached").GetBoolean());
        var modelCalls = app.Emulator.Stats.Requests;

        var timings = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            var hit = await (await client.PostAsJsonAsync("/api/v1/ai/analyze", request)).Content.ReadFromJsonAsync<JsonElement>();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(hit.GetProperty("cached").GetBoolean());
            Assert.Equal(first.GetProperty("content").GetRawText(), hit.GetProperty("content").GetRawText());
        }

        Assert.Equal(modelCalls, app.Emulator.Stats.Requests);
        Assert.True(timings.Order().ElementAt(timings.Count / 2) < 100, $"cache hits took {string.Join(", ", timings.Select(t => t.ToString("0.0")))} ms");

        var bypassed = await (await client.PostAsJsonAsync("/api/v1/ai/analyze", new { request.report_id, request.user_prompt, request.annotation_type, request.engine, cache = "bypass" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(bypassed.GetProperty("cached").GetBoolean());
        Assert.True(app.Emulator.Stats.Requests > modelCalls);

        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/ai/cache");
        Assert.Equal(before.GetProperty("hits").GetInt64() + 10, after.GetProperty("hits").GetInt64());
        Assert.Equal(before.GetProperty("entries").GetInt32() + 1, after.GetProperty("entries").GetInt32());
        Assert.InRange(after.GetProperty("hit_rate").GetDouble(), 0.01, 1);
    }

    [Fact]
    public async Task Job_OverAlreadyAnalysedReports_IsServedFromTheCache()
    {
        var ids = await TestReports.StoreAsync(app.Database.Url, 8, Guid.NewGuid().ToString("N")[..8]);
        using var client = await app.RadiologistAsync();
        var body = new { report_ids = ids, user_prompt = "", annotation_type = "classification", engine = "llm" };
        var first = await (await client.PostAsJsonAsync("/api/v1/jobs", body)).Content.ReadFromJsonAsync<JsonElement>();
        await JobsTestData.WaitUntilFinishedAsync(client, first.GetProperty("job_id").GetInt64(), TimeSpan.FromSeconds(60));
        var modelCalls = app.Emulator.Stats.Requests;

        var second = await (await client.PostAsJsonAsync("/api/v1/jobs", body)).Content.ReadFromJsonAsync<JsonElement>();
        var secondId = second.GetProperty("job_id").GetInt64();
        var done = await JobsTestData.WaitUntilFinishedAsync(client, secondId, TimeSpan.FromSeconds(60));

        Assert.Equal(8, done.GetProperty("succeeded").GetInt32());
        Assert.Equal(modelCalls, app.Emulator.Stats.Requests);
        var annotations = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{ids[0]}/annotations");
        Assert.Contains(annotations.EnumerateArray(), a => a.GetProperty("job_id").GetInt64() == secondId && a.GetProperty("cached").GetBoolean());
    }
}
