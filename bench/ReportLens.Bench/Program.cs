using System.Diagnostics;
using System.Globalization;
using ReportLens.Bench;
using ReportLens.OllamaEmulator;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var check = args.Contains("--check");
var command = args.FirstOrDefault(a => a != "--check") ?? "all";
string[] commands = ["all", "batch", "latency", "core", "deid", "long", "jobs"];
if (!commands.Contains(command) || args.Count(a => a != "--check") > 1)
{
    Console.Error.WriteLine($"usage: ReportLens.Bench [{string.Join('|', commands)}] [--check]");
    return 2;
}

var root = RepoRoot.Find();
var corpus = Corpus.Load(root);
var total = Stopwatch.StartNew();
var output = new ReportWriter(Console.Out);
output.Header();

if (command is "all" or "core")
{
    output.Rules(CoreBenchmarks.Rules(corpus, 500, TimeSpan.FromSeconds(2)));
    output.Grounding(CoreBenchmarks.Grounding(corpus));
}

if (command is "all" or "core" or "deid")
{
    output.Deid(DeidBenchmarks.Run(root, 5000, TimeSpan.FromSeconds(3)));
}

if (command is "all" or "long")
{
    output.LongReports(await LongReportBenchmarks.RunAsync(root, corpus));
}

if (command is "all" or "latency")
{
    output.Latency(await LatencyBenchmarks.RunAsync(root, corpus.UniqueChinese(200, "lat")));
}

if (command is "all" or "batch")
{
    const int Reports = 500;
    await using var first = await EmulatorHost.StartAsync(BatchBenchmarks.Emulator);
    await using var second = await EmulatorHost.StartAsync(BatchBenchmarks.Emulator with { Seed = 43 });
    var seed = await BatchBenchmarks.SeedSemaphoreAsync(corpus.UniqueChinese(Reports, "seed"), first);
    var one = await BatchBenchmarks.ServerJobAsync("ReportLens job, 1 emulator", root, corpus.UniqueChinese(Reports, "one"), first);
    var two = await BatchBenchmarks.ServerJobAsync("ReportLens job, 2 emulators", root, corpus.UniqueChinese(Reports, "two"), first, second);
    output.Batch(BatchBenchmarks.Emulator, [seed, one, two]);
}

var missed = false;
if (command is "all" or "jobs")
{
    var jobs = await JobPathBenchmarks.RunAsync(root, corpus);
    output.JobPath(jobs);
    missed = jobs.Targets.Any(t => !t.Met);
}

Console.WriteLine();
Console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:0} s");
// --check: a missed target fails the run (exit 1); without it the figures are only printed.
return check && missed ? 1 : 0;
