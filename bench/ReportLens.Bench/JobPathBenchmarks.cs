using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Cli.LoadTest;
using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

/// <summary>One rules-engine batch: who ran it, how many items at once, its wall time by its own clock and by the caller's.</summary>
/// <param name="ServerCpu">The server process's CPU time (every thread) from the job's creation to its end; null for the CLI.</param>
internal sealed record RulesBatch(string Name, int Concurrency, JobRun Job, TimeSpan CallerWall, TimeSpan? ServerCpu = null)
{
    /// <summary>CPU per item: unlike wall times, hardly moved by other processes waiting for the same cores.</summary>
    public double? CpuMsPerItem => ServerCpu is { } cpu ? cpu.TotalMilliseconds / Job.Succeeded : null;

    /// <summary>Per item: claimed → finished in its transaction, minus the engine's own time (the annotation's duration).</summary>
    public IReadOnlyList<double> OverheadMs => [.. Job.Items.Select(i => ((i.Finished - i.Started).TotalSeconds - i.EngineSeconds) * 1000)];

    public IReadOnlyList<double> EngineMs => [.. Job.Items.Select(i => i.EngineSeconds * 1000)];

    /// <summary>
    /// One item at a time: from an item's claim to the next one's, minus the engine's time. The whole per-item
    /// cost of the job path — claim, job and report reads, cache lookup, the recording transaction, the worker's loop.
    /// </summary>
    public IReadOnlyList<double> CycleOverheadMs => [.. Job.Items.Zip(Job.Items.Skip(1), (item, next) => ((next.Started - item.Started).TotalSeconds - item.EngineSeconds) * 1000)];
}

/// <summary>A goal of issue 13 and whether this run met it.</summary>
internal sealed record JobPathTarget(string Goal, string Wanted, double Measured, bool Met);

internal sealed record JobPathResult(RulesBatch Cli, RulesBatch Fresh, RulesBatch Steady, RulesBatch OneAtATime, BatchResult Llm, EmulatorOptions Emulator)
{
    public double JobToCli => Fresh.Job.ReportsPerSecond / Cli.Job.ReportsPerSecond;

    public double OverheadP50Ms => Percentiles.Of(OneAtATime.CycleOverheadMs, 50);

    public IReadOnlyList<JobPathTarget> Targets =>
    [
        new("rules job rate / CLI rate (fresh processes)", "≥ 0.5", JobToCli, JobToCli >= 0.5),
        new("LLM job, fraction of emulator capacity", "≥ 0.95", Llm.Fraction, Llm.Fraction >= 0.95),
        new("job-path overhead per analysis, p50 steady state (ms)", "≤ 1.5", OverheadP50Ms, OverheadP50Ms <= 1.5),
    ];
}

/// <summary>
/// The job path against the CLI, side by side in one run: 2,000 short synthetic reports (the load test's generator)
/// analysed by the rules engine through `reportlens analyze --all` (a durable job run by the CLI's own worker) and
/// through the server's `POST /api/v1/jobs`, each a process on its own fresh SQLite file; then a second job on the
/// same, now warm, server; a server running one item at a time (after three warm-up jobs) for the per-item overhead;
/// then the LLM batch against the emulator's capacity.
/// </summary>
internal static class JobPathBenchmarks
{
    public const int Reports = 2000;
    public const int LlmReports = 500;
    private const int Slots = 4;

    // After one 2,000-item job .NET's tiered JIT is still recompiling the hot path (its thread took a fifth of the
    // CPU during the second job); after three it has settled, which is the state a server running for days is in.
    private const int WarmUpJobs = 3;

    public static async Task<JobPathResult> RunAsync(string root, Corpus corpus)
    {
        await using var emulator = await EmulatorHost.StartAsync(BatchBenchmarks.Emulator);
        var ollama = emulator.BaseUrl.ToString().TrimEnd('/');
        var cli = await CliAsync(root, ollama, Texts(0));
        RulesBatch fresh, steady;
        await using (var server = await BenchServer.StartAsync(root, ollama, Slots))
        {
            var concurrency = (await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/ai/backends")).GetProperty("worker_concurrency").GetInt32();
            fresh = await ServerAsync(server, "server job (POST /api/v1/jobs), fresh process", concurrency, Texts(Reports));
            steady = await ServerAsync(server, "server job, same process again (steady state)", concurrency, Texts(2 * Reports));
        }

        RulesBatch oneAtATime;
        await using (var server = await BenchServer.StartAsync(root, ollama, Slots, new Dictionary<string, string> { ["Jobs__Concurrency"] = "1" }))
        {
            for (var round = 0; round < WarmUpJobs; round++)
            {
                await ServerAsync(server, "warm-up", 1, Texts((3 + round) * Reports));
            }

            oneAtATime = await ServerAsync(server, $"server job, one item at a time, after {WarmUpJobs} warm-up jobs", 1, Texts((3 + WarmUpJobs) * Reports));
        }

        var llm = await BatchBenchmarks.ServerJobAsync("LLM job (hybrid), 1 emulator", root, corpus.UniqueChinese(LlmReports, "jobs"), emulator);
        return new JobPathResult(cli, fresh, steady, oneAtATime, llm, BatchBenchmarks.Emulator);
    }

    /// <summary>Unique texts, so no job is answered by the result cache.</summary>
    private static IReadOnlyList<string> Texts(int first) => [.. Enumerable.Range(first, Reports).Select(LoadReports.Text)];

    private static async Task<RulesBatch> CliAsync(string root, string ollama, IReadOnlyList<string> texts)
    {
        var folder = Directory.CreateTempSubdirectory("reportlens-bench-cli-").FullName;
        try
        {
            var databaseUrl = $"Data Source={Path.Combine(folder, "cli.db")}";
            var environment = new Dictionary<string, string> { ["OLLAMA_BASE_URL"] = ollama, ["OLLAMA_NUM_PARALLEL"] = $"{Slots}" };
            await BenchCli.RunAsync(root, environment, "db", "migrate", "--database", databaseUrl);
            await BenchDatabase.AddReportsAsync(databaseUrl, texts);
            var wall = await BenchCli.RunAsync(root, environment, "analyze", "--all", "--type", "highlight", "--engine", "rules", "--database", databaseUrl);
            var job = await BenchDatabase.ReadJobAsync(databaseUrl, await BenchDatabase.LatestJobIdAsync(databaseUrl));
            // The CLI's default --concurrency.
            return Checked(new RulesBatch("reportlens analyze --all (CLI process)", 4, job, wall), texts.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<RulesBatch> ServerAsync(BenchServer server, string name, int concurrency, IReadOnlyList<string> texts)
    {
        var ids = await server.AddReportsAsync(texts);
        var cpu = server.CpuTime;
        var watch = Stopwatch.StartNew();
        var created = await server.Client.PostAsJsonAsync("/api/v1/jobs", new { report_ids = ids, user_prompt = "", annotation_type = "highlight", engine = "rules" });
        created.EnsureSuccessStatusCode();
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        JsonElement job;
        do
        {
            await Task.Delay(50);
            job = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        }
        while (!job.TryGetProperty("finished_at", out var finished) || finished.ValueKind == JsonValueKind.Null);

        var wall = watch.Elapsed;
        var used = server.CpuTime - cpu;
        return Checked(new RulesBatch(name, concurrency, await BenchDatabase.ReadJobAsync(server.DatabaseUrl, jobId), wall, used), texts.Count);
    }

    private static RulesBatch Checked(RulesBatch batch, int expected) =>
        batch.Job.Succeeded == expected && batch.Job.Items.Count == expected
            ? batch
            : throw new InvalidOperationException($"{batch.Name}: {batch.Job.Succeeded} of {expected} reports analysed");
}
