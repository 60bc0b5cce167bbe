using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>GET /api/v1/ai/backends over a pool of two emulators, one of which is stopped.</summary>
public sealed class BackendsApiTests(BackendsApiTests.TwoEmulatorsFixture app) : IClassFixture<BackendsApiTests.TwoEmulatorsFixture>
{
    public sealed class TwoEmulatorsFixture : SqliteAppFixture
    {
        public EmulatorHost Running { get; private set; } = null!;
        public EmulatorHost? Stopped { get; set; }

        protected override async Task<string> StartOllamaAsync()
        {
            Running = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4, DecodeTokensPerSecond = 4000 });
            Stopped = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4 });
            return $"{Running.BaseUrl.ToString().TrimEnd('/')},{Stopped.BaseUrl.ToString().TrimEnd('/')}";
        }

        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["Llm:BreakerFailureThreshold"] = "2";
            settings["Llm:BreakerBreakSeconds"] = "60";
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Running.DisposeAsync();
            if (Stopped is not null)
            {
                await Stopped.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Backends_WithOneEmulatorStopped_ShowsItOutOfThePoolAndTheOtherServing()
    {
        var stoppedUrl = app.Stopped!.BaseUrl.ToString().TrimEnd('/');
        await app.Stopped.DisposeAsync();
        app.Stopped = null;
        var ids = await TestReports.StoreAsync(app.Database.Url, 8, Guid.NewGuid().ToString("N")[..8]);
        using var client = await app.RadiologistAsync();
        foreach (var id in ids)
        {
            var analyzed = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm" });
            Assert.Equal(HttpStatusCode.OK, analyzed.StatusCode);
        }

        using var viewer = await app.ViewerAsync();
        var body = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/ai/backends");

        var backends = body.GetProperty("backends").EnumerateArray().ToList();
        Assert.Equal(2, backends.Count);
        // Slots come from OLLAMA_NUM_PARALLEL (4 per endpoint); the job worker runs 1.5 items per slot of the pool.
        Assert.Equal(8, body.GetProperty("total_slots").GetInt32());
        Assert.Equal(12, body.GetProperty("worker_concurrency").GetInt32());
        Assert.Equal(1, body.GetProperty("healthy_backends").GetInt32());
        var down = backends.Single(b => b.GetProperty("url").GetString()!.TrimEnd('/') == stoppedUrl);
        var up = backends.Single(b => b.GetProperty("url").GetString()!.TrimEnd('/') != stoppedUrl);
        Assert.NotEqual("healthy", down.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(down.GetProperty("last_error").GetString()));
        Assert.Equal("healthy", up.GetProperty("state").GetString());
        Assert.Equal(4, up.GetProperty("slots").GetInt32());
        Assert.Equal(0, up.GetProperty("in_use").GetInt32());
        Assert.Contains("qwen2.5:7b", up.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.True(up.GetProperty("latency_p50_ms").GetDouble() > 0);
        Assert.True(up.GetProperty("tokens_per_second").GetDouble() > 0);
        Assert.True(body.GetProperty("cache").GetProperty("entries").GetInt32() >= ids.Count);
    }

    [Fact]
    public async Task Backends_Anonymous_Returns401()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/ai/backends")).StatusCode);
    }
}
