using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Application.Caching;
using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

/// <summary>Paired figures of one phase: the direct chat call, the analyze request, their difference, cache hits.</summary>
internal sealed record LatencyPhase(int Samples, double DirectP50Ms, double ServerP50Ms, double OverheadP50Ms, double OverheadP90Ms, double CacheHitP50Ms, double CacheHitP90Ms);

internal sealed record LatencyResult(LatencyPhase Cold, LatencyPhase Warm, TimeSpan WarmUp, int WarmUpRequests, double LookupP50Ms);

/// <summary>
/// One request at a time against an instant emulator (rates 0): POST /api/v1/ai/analyze (engine llm, cache bypass)
/// vs the same chat call made directly, then the same analyze answered from the cache. Measured twice: on a fresh
/// server (its first requests, while .NET's tiered JIT is still recompiling the hot code) and after a timed warm-up
/// (the steady state a server that runs for days is in).
/// </summary>
internal static class LatencyBenchmarks
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(45);
    private const int ColdSamples = 200;
    private const int WarmSamples = 500;

    public static async Task<LatencyResult> RunAsync(string root, IReadOnlyList<string> texts)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4 });
        await using var server = await BenchServer.StartAsync(root, emulator.BaseUrl.ToString().TrimEnd('/'), 4);
        var ids = await server.AddReportsAsync(texts);
        using var direct = new DirectCaller(emulator.BaseUrl);
        for (var i = 0; i < 20; i++)
        {
            await direct.CallAsync(texts[i], AnnotationType.Highlight, CancellationToken.None);
            await AnalyzeAsync(server, ids[i], bypass: true);
        }

        var cold = await MeasureAsync(server, direct, texts, ids, ColdSamples);
        var warmUpRequests = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < WarmUp)
        {
            var i = warmUpRequests % ids.Count;
            await direct.CallAsync(texts[i], AnnotationType.Highlight, CancellationToken.None);
            await AnalyzeAsync(server, ids[i], bypass: true);
            await AnalyzeAsync(server, ids[i], bypass: false, expectCached: true);
            warmUpRequests++;
        }

        var warmedUp = watch.Elapsed;
        var warm = await MeasureAsync(server, direct, texts, ids, WarmSamples);
        return new LatencyResult(cold, warm, warmedUp, warmUpRequests * 2, await LookupP50Async(server.DatabaseUrl));
    }

    private static async Task<LatencyPhase> MeasureAsync(BenchServer server, DirectCaller direct, IReadOnlyList<string> texts, IReadOnlyList<int> ids, int samples)
    {
        var overhead = new List<double>();
        var directTimes = new List<double>();
        var serverTimes = new List<double>();
        for (var n = 0; n < samples; n++)
        {
            var i = n % ids.Count;
            var watch = Stopwatch.StartNew();
            await direct.CallAsync(texts[i], AnnotationType.Highlight, CancellationToken.None);
            var directMs = watch.Elapsed.TotalMilliseconds;
            var serverMs = await AnalyzeAsync(server, ids[i], bypass: true);
            directTimes.Add(directMs);
            serverTimes.Add(serverMs);
            overhead.Add(serverMs - directMs);
        }

        var hits = new List<double>();
        for (var n = 0; n < samples; n++)
        {
            hits.Add(await AnalyzeAsync(server, ids[n % ids.Count], bypass: false, expectCached: true));
        }

        return new LatencyPhase(samples, Percentiles.Of(directTimes, 50), Percentiles.Of(serverTimes, 50), Percentiles.Of(overhead, 50),
            Percentiles.Of(overhead, 90), Percentiles.Of(hits, 50), Percentiles.Of(hits, 90));
    }

    /// <summary>The cache lookup alone (ResultCache.GetAsync on the same database file), without HTTP, auth or the annotation write.</summary>
    private static async Task<double> LookupP50Async(string databaseUrl)
    {
        var options = new DbContextOptionsBuilder<ReportLensDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseSettings.Parse(databaseUrl));
        var factory = new PooledDbContextFactory<ReportLensDbContext>(options.Options);
        var cache = new ResultCache(factory, TimeProvider.System);
        List<string> keys;
        await using (var db = await factory.CreateDbContextAsync())
        {
            keys = await db.CacheEntries.Select(c => c.Key).ToListAsync();
        }

        var times = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var key in keys)
            {
                var watch = Stopwatch.StartNew();
                _ = await cache.GetAsync(key, CancellationToken.None) ?? throw new InvalidOperationException("cache entry vanished");
                if (round > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return Percentiles.Of(times, 50);
    }

    private static async Task<double> AnalyzeAsync(BenchServer server, int id, bool bypass, bool expectCached = false)
    {
        var watch = Stopwatch.StartNew();
        using var response = await server.Client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm", cache = bypass ? "bypass" : "use" });
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        if (expectCached && !JsonDocument.Parse(body).RootElement.GetProperty("cached").GetBoolean())
        {
            throw new InvalidOperationException("expected a cache hit");
        }

        return elapsed;
    }
}
