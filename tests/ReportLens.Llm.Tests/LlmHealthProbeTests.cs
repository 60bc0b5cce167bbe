using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;

namespace ReportLens.Llm.Tests;

/// <summary>The probe's two speeds: a fresh answer for health checks, the last answer at once for request paths.</summary>
public sealed class LlmHealthProbeTests
{
    [Fact]
    public async Task Latest_AfterTheEndpointWentAway_AnswersAtOnceThenCatchesUpInTheBackground()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), ct);
        using var host = new LlmTestHost(emulator.BaseUrl.ToString(), clock);
        Assert.True((await host.Health.CheckAsync(ct)).Reachable);

        await emulator.DisposeAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var stale = await host.Health.LatestAsync(ct);

        Assert.True(stale.Reachable, "the last report is answered without waiting for a new probe");
        var watch = Stopwatch.StartNew();
        while ((await host.Health.LatestAsync(ct)).Reachable)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "the background probe never replaced the stale report");
            await Task.Delay(50, ct);
        }
    }
}
