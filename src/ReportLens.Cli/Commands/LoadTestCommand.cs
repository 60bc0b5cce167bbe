using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.LoadTest;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using Spectre.Console;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens loadtest`: throughput and latency of analyses, against a server (--server) or Ollama's /api/chat directly.</summary>
public static class LoadTestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var requests = new Option<int>("--requests", "-n") { Description = "Total requests", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Requests in flight at once", DefaultValueFactory = _ => 3 };
        var type = new Option<string>("--type") { Description = "Annotation type: the server's analysis, or the system prompt and schema sent to Ollama directly", DefaultValueFactory = _ => "extraction" };
        type.AcceptOnlyFromAmong([.. AnnotationTypes.WireNames]);
        var engine = new Option<string?>("--engine") { Description = "llm|rules|hybrid (server mode; default: the server's)" };
        engine.AcceptOnlyFromAmong("llm", "rules", "hybrid");
        var model = new Option<string?>("--model") { Description = $"Model (server mode: default the server's; direct Ollama mode: default $OLLAMA_MODEL, else {OllamaSettings.DefaultModel})" };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file" };
        var command = new Command("loadtest", "Measure throughput and latency of analyses") { requests, concurrency, type, engine, model, json };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var n = context.Get(requests);
            var c = context.Get(concurrency);
            if (n < 1 || c < 1)
            {
                throw CliException.Usage("--requests and --concurrency must be at least 1");
            }

            AnnotationTypes.TryParse(context.Get(type), out var annotationType);
            using ILoadTarget target = context.UseServer
                ? new ServerLoadTarget(ServerClient.From(context), context.ServerUrl!, context.Get(type), context.Get(engine), context.Get(model))
                : new OllamaChatLoadTarget(
                    new HttpClient { BaseAddress = context.Ollama.BaseUrl, Timeout = TimeSpan.FromMinutes(10) },
                    context.Get(model) ?? context.Ollama.Options.Model,
                    annotationType);
            await context.Error.WriteLineAsync($"Starting load test: {n} requests, {c} concurrent, against {target.Label}");
            var result = await new LoadTestRunner(target, context.Time, context.Status).RunAsync(n, c, cancellationToken);
            Print(context, result);
            if (context.Get(json) is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, ReportLensJson.Options), cancellationToken);
            }

            return result.Succeeded == 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, LoadTestResult r)
    {
        static string S(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
        var table = new Table().Title("Load test results").AddColumns("metric", "value");
        table.AddRow("target", Markup.Escape(r.Target));
        table.AddRow("requests", $"{r.Requests} ({r.Concurrency} concurrent)");
        table.AddRow("success", $"{r.Succeeded} ({100.0 * r.Succeeded / r.Requests:0.0}%)");
        table.AddRow("errors", $"{r.Failed} ({100.0 * r.Failed / r.Requests:0.0}%)");
        foreach (var (reason, count) in r.Errors.OrderByDescending(e => e.Value))
        {
            table.AddRow("  " + Markup.Escape(reason), count.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("total time", S(r.TotalSeconds));
        table.AddRow("throughput", r.Throughput.ToString("0.00", CultureInfo.InvariantCulture) + " requests/s");
        table.AddRow("latency min", S(r.Latency.Min));
        table.AddRow("latency p50", S(r.Latency.P50));
        table.AddRow("latency p95", S(r.Latency.P95));
        table.AddRow("latency p99", S(r.Latency.P99));
        table.AddRow("latency max", S(r.Latency.Max));
        table.AddRow("latency mean", S(r.Latency.Mean));
        var console = context.Output;
        console.Write(table);
        console.Write(Throughput(r));
    }

    /// <summary>Per backend and model: reports/hour and tokens/s over the run's wall time, and the backend's own decode speed.</summary>
    private static Table Throughput(LoadTestResult r)
    {
        static string N(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var table = new Table().Title("Throughput per backend").AddColumns("metric", "value");
        foreach (var b in r.Backends)
        {
            table.AddRow("backend", Markup.Escape($"{b.Backend} ({b.Model})"));
            table.AddRow("  reports", $"{b.Reports} ({N(b.ReportsPerHour)} reports/hour)");
            table.AddRow("  prompt tokens", $"{b.PromptTokens} ({N(b.PromptTokensPerSecond)} tokens/s)");
            table.AddRow("  output tokens", $"{b.OutputTokens} ({N(b.OutputTokensPerSecond)} tokens/s)");
            table.AddRow("  thinking tokens", b.ThinkingTokens.ToString(CultureInfo.InvariantCulture));
            table.AddRow("  decode per call", b.DecodeTokensPerSecond is { } d ? $"{N(d)} tokens/s" : "not reported");
        }

        if (r.CacheHits > 0)
        {
            table.AddRow("cache hits (not counted)", r.CacheHits.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }
}
