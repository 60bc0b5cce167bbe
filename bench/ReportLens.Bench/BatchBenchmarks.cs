using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Cli.LoadTest;
using ReportLens.Core.Annotations;
using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

internal sealed record BatchResult(string Name, int Reports, long Requests, double WallSeconds, double IdealSeconds, long PeakWorkingSetBytes)
{
    /// <summary>Reports/hour and tokens/s per backend, from the server's own usage accounting (GET /api/v1/usage).</summary>
    public IReadOnlyList<BackendThroughput> Backends { get; init; } = [];

    public double Fraction => IdealSeconds / WallSeconds;
}

/// <summary>A job of N reports through the server vs a naive client (a semaphore of 3) over the same emulator.</summary>
internal static class BatchBenchmarks
{
    public static EmulatorOptions Emulator => new() { Parallel = 4, PromptTokensPerSecond = 20_000, DecodeTokensPerSecond = 1_500, MaxQueue = 512 };

    public static async Task<BatchResult> ServerJobAsync(string name, string root, IReadOnlyList<string> texts, params EmulatorHost[] emulators)
    {
        var urls = string.Join(',', emulators.Select(e => e.BaseUrl.ToString().TrimEnd('/')));
        await using var server = await BenchServer.StartAsync(root, urls, emulators[0].Options.Parallel);
        var ids = await server.AddReportsAsync(texts);
        var capacity = EmulatorCapacity.Start(emulators);
        server.ResetPeak();
        var created = await server.Client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight", engine = "hybrid" });
        created.EnsureSuccessStatusCode();
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        JsonElement job;
        do
        {
            await Task.Delay(200);
            job = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        }
        while (!job.TryGetProperty("finished_at", out var finished) || finished.ValueKind == JsonValueKind.Null);

        if (job.GetProperty("succeeded").GetInt32() != texts.Count)
        {
            throw new InvalidOperationException($"{name}: job ended {job}");
        }

        var wall = (job.GetProperty("finished_at").GetDateTimeOffset() - job.GetProperty("started_at").GetDateTimeOffset()).TotalSeconds;
        return new BatchResult(name, texts.Count, capacity.Requests, wall, capacity.IdealSeconds(), server.PeakWorkingSetBytes)
        {
            Backends = await BackendsAsync(server, job, wall),
        };
    }

    /// <summary>The fresh database holds only this job's analyses: the usage per backend is the job's.</summary>
    private static async Task<IReadOnlyList<BackendThroughput>> BackendsAsync(BenchServer server, JsonElement job, double wall)
    {
        var usage = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/usage?group_by=backend");
        var model = job.TryGetProperty("model", out var m) && m.GetString() is { } named ? named : "qwen2.5:7b";
        return [.. usage.GetProperty("rows").EnumerateArray().Select(row => new BackendThroughput(
            row.GetProperty("key").GetString()!, model, row.GetProperty("analyses").GetInt32(), row.GetProperty("prompt_tokens").GetInt64(),
            row.GetProperty("output_tokens").GetInt64(), row.GetProperty("thinking_tokens").GetInt64(), wall)
        {
            DecodeTokensPerSecond = row.TryGetProperty("output_tokens_per_second", out var decode) ? decode.GetDouble() : null,
        })];
    }

    /// <summary>The naive batch baseline: every report at once behind a semaphore of 3, straight to the emulator.</summary>
    public static async Task<BatchResult> SeedSemaphoreAsync(IReadOnlyList<string> texts, EmulatorHost emulator)
    {
        using var caller = new DirectCaller(emulator.BaseUrl);
        using var semaphore = new SemaphoreSlim(3);
        var capacity = EmulatorCapacity.Start(emulator);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(texts.Select(async text =>
        {
            await semaphore.WaitAsync();
            try
            {
                await caller.CallAsync(text, AnnotationType.Highlight, CancellationToken.None);
            }
            finally
            {
                semaphore.Release();
            }
        }));
        return new BatchResult("seed: semaphore(3), direct", texts.Count, capacity.Requests, watch.Elapsed.TotalSeconds, capacity.IdealSeconds(), 0);
    }
}
