using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

/// <summary>Prints the figures as the Markdown tables docs/benchmarks.md shows.</summary>
internal sealed class ReportWriter(TextWriter output)
{
    public void Header()
    {
        output.WriteLine($"# ReportLens benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        output.WriteLine("Emulator figures measure ReportLens's pipeline against a known capacity; they are not a model's or a GPU's speed.");
    }

    public void Rules(IReadOnlyList<RulesResult> results) =>
        Table("## Rules engine, one thread", "| type | report length (chars) | reports/s |", "| --- | ---: | ---: |", results.Select(r => $"| {r.Type} | {r.ReportLength} | {r.ReportsPerSecond:N0} |"));

    public void Grounding(IReadOnlyList<GroundingTiming> results) =>
        Table("## Grounding per annotation (gold corpus reports, rules engine content)", "| type | annotations | p50 (µs) | mean (µs) |", "| --- | ---: | ---: | ---: |", results.Select(g => $"| {g.Type} | {g.Annotations} | {g.P50Microseconds:0} | {g.MeanMicroseconds:0} |"));

    public void Deid(IReadOnlyList<DeidResultRow> results) =>
        Table("## De-identification, one thread (synthetic PHI corpus reports joined and cut to length, placeholders)", "| language | report length (chars) | identifiers per report | p50 (ms) | p99 (ms) | mean (ms) |", "| --- | ---: | ---: | ---: | ---: | ---: |", results.Select(d => $"| {d.Language} | {d.ReportLength:N0} | {d.Identifiers} | {d.P50Milliseconds:0.00} | {d.P99Milliseconds:0.00} | {d.MeanMilliseconds:0.00} |"));

    public void LongReports(IReadOnlyList<LongReportResult> results) =>
        Table("## Long reports (server as a process, POST /api/v1/ai/analyze-text, highlight, cache bypass, instant emulator)", "| engine | text | chars | wall p50 (ms) | server CPU p50 (ms) | CPU µs per char |", "| --- | --- | ---: | ---: | ---: | ---: |", results.Select(r => $"| {r.Engine} | {r.Text} | {r.Length:N0} | {r.WallMs:0} | {r.ServerCpuMs:0} | {r.ServerCpuMs * 1000 / r.Length:0.0} |"));

    public void Latency(LatencyResult r)
    {
        var (cold, warm) = (r.Cold, r.Warm);
        output.WriteLine();
        output.WriteLine("## Overhead and cache hits (server as a process, SQLite, instant emulator, one request at a time)");
        output.WriteLine($"Fresh server: {cold.Samples} requests of each kind right after start. Steady state: {warm.Samples} of each kind after "
            + $"{r.WarmUp.TotalSeconds:0} s of warm-up load ({r.WarmUpRequests:N0} analyze requests), once .NET's tiered JIT has recompiled the hot code.");
        output.WriteLine();
        output.WriteLine("| measure | fresh p50 (ms) | steady p50 (ms) | steady p90 (ms) |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        output.WriteLine($"| emulator /api/chat directly | {cold.DirectP50Ms:0.00} | {warm.DirectP50Ms:0.00} | |");
        output.WriteLine($"| POST /api/v1/ai/analyze (engine llm, cache bypass) | {cold.ServerP50Ms:0.00} | {warm.ServerP50Ms:0.00} | |");
        output.WriteLine($"| overhead per analysis (paired difference) | {cold.OverheadP50Ms:0.00} | {warm.OverheadP50Ms:0.00} | {warm.OverheadP90Ms:0.00} |");
        output.WriteLine($"| cache hit (POST /api/v1/ai/analyze, cached: true) | {cold.CacheHitP50Ms:0.00} | {warm.CacheHitP50Ms:0.00} | {warm.CacheHitP90Ms:0.00} |");
        output.WriteLine($"| cache lookup alone (ResultCache.GetAsync, in-process) | | {r.LookupP50Ms:0.00} | |");
    }

    public void Batch(EmulatorOptions emulator, IReadOnlyList<BatchResult> results)
    {
        output.WriteLine();
        output.WriteLine($"## Batch throughput (emulator: {emulator.Parallel} slots, prompt {emulator.PromptTokensPerSecond:0} tok/s, decode {emulator.DecodeTokensPerSecond:0} tok/s per slot)");
        output.WriteLine("| run | reports | model calls | wall (s) | ideal (s) | fraction of capacity | reports/min | server peak working set (MB) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var memory = r.PeakWorkingSetBytes > 0 ? $"{r.PeakWorkingSetBytes / 1024.0 / 1024.0:0}" : "n/a";
            output.WriteLine($"| {r.Name} | {r.Reports} | {r.Requests} | {r.WallSeconds:0.0} | {r.IdealSeconds:0.0} | {r.Fraction:0.000} | {r.Reports / r.WallSeconds * 60:0} | {memory} |");
        }

        if (results.Count == 3)
        {
            output.WriteLine();
            output.WriteLine($"Speed-up of two emulators over one: {results[1].WallSeconds / results[2].WallSeconds:0.00}×");
        }

        output.WriteLine();
        output.WriteLine("### Tokens/s and reports/hour per backend (EMULATOR figures: they show the emulator's configured rates and the server's scheduling, never a model's speed)");
        output.WriteLine("| run | backend | analyses | reports/hour | prompt tokens/s | output tokens/s | decode tokens/s per call |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            foreach (var b in r.Backends)
            {
                output.WriteLine($"| {r.Name} | {b.Backend} | {b.Reports} | {b.ReportsPerHour:0} | {b.PromptTokensPerSecond:0} | {b.OutputTokensPerSecond:0} | {(b.DecodeTokensPerSecond is { } d ? d.ToString("0") : "n/a")} |");
            }
        }
    }

    public void JobPath(JobPathResult r)
    {
        output.WriteLine();
        output.WriteLine($"## Job path vs CLI (rules engine, highlight, {JobPathBenchmarks.Reports:N0} short synthetic reports per run, each process on its own fresh SQLite file)");
        output.WriteLine("| run | reports | items at once | job wall (s) | reports/s | vs CLI | caller's wall (s) | server CPU per item (ms) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var b in new[] { r.Cli, r.Fresh, r.Steady, r.OneAtATime })
        {
            output.WriteLine($"| {b.Name} | {b.Job.Succeeded:N0} | {b.Concurrency} | {b.Job.WallSeconds:0.00} | {b.Job.ReportsPerSecond:N0} | "
                + $"{b.Job.ReportsPerSecond / r.Cli.Job.ReportsPerSecond:0.00} | {b.CallerWall.TotalSeconds:0.00} | {(b.CpuMsPerItem is { } c ? c.ToString("0.00") : "n/a")} |");
        }

        output.WriteLine();
        output.WriteLine("Per item: claimed → finished in its transaction (job_items.started_at → finished_at; with several items at once this includes "
            + "waiting for a core and for SQLite's write lock), the engine's own time (the annotation's duration, ms resolution), and the difference. "
            + "Last row, one item at a time: claim → next claim, minus the engine (the whole per-item cost of the job path; the overhead target).");
        output.WriteLine();
        output.WriteLine("| run | item p50 (ms) | item p95 (ms) | engine p50 (ms) | item − engine p50 (ms) | item − engine p95 (ms) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var b in new[] { r.Cli, r.Fresh, r.Steady })
        {
            var items = b.Job.Items.Select(i => (i.Finished - i.Started).TotalMilliseconds).ToList();
            output.WriteLine($"| {b.Name} | {Percentiles.Of(items, 50):0.00} | {Percentiles.Of(items, 95):0.00} | {Percentiles.Of(b.EngineMs, 50):0.00} | "
                + $"{Percentiles.Of(b.OverheadMs, 50):0.00} | {Percentiles.Of(b.OverheadMs, 95):0.00} |");
        }

        var one = r.OneAtATime;
        var cycles = one.Job.Items.Zip(one.Job.Items.Skip(1), (a, b) => (b.Started - a.Started).TotalMilliseconds).ToList();
        output.WriteLine($"| {one.Name}: claim → next claim | {Percentiles.Of(cycles, 50):0.00} | {Percentiles.Of(cycles, 95):0.00} | {Percentiles.Of(one.EngineMs, 50):0.00} | "
            + $"**{Percentiles.Of(one.CycleOverheadMs, 50):0.00}** | {Percentiles.Of(one.CycleOverheadMs, 95):0.00} |");

        var e = r.Emulator;
        output.WriteLine();
        output.WriteLine($"LLM batch: {r.Llm.Reports} reports, hybrid, emulator {e.Parallel} slots, prompt {e.PromptTokensPerSecond:0} tok/s, decode {e.DecodeTokensPerSecond:0} tok/s per slot: "
            + $"wall {r.Llm.WallSeconds:0.0} s, ideal {r.Llm.IdealSeconds:0.0} s, {r.Llm.Reports / r.Llm.WallSeconds * 60:0} reports/min (emulator figures, not a model's speed).");
        output.WriteLine();
        output.WriteLine("| goal | target | measured | |");
        output.WriteLine("| --- | --- | ---: | --- |");
        foreach (var t in r.Targets)
        {
            output.WriteLine($"| {t.Goal} | {t.Wanted} | {t.Measured:0.00#} | {(t.Met ? "met" : "MISSED")} |");
        }
    }

    /// <summary>A section: its heading, the table's header and alignment rows, one line per row.</summary>
    private void Table(string title, string header, string align, IEnumerable<string> rows)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(header);
        output.WriteLine(align);
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }
    }
}
