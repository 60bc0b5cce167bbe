using System.CommandLine;
using System.Text;
using System.Text.Json;
using ReportLens.Application.Evaluation;
using ReportLens.Cli.Evaluation;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using Spectre.Console;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens eval`: each engine and model on a gold set, one comparison table, JSON and HTML reports.</summary>
public static class EvalCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var gold = new Option<string>("--gold") { Description = "Gold file (JSONL, docs/gold-format.md), or a folder: every gold*.jsonl in it", Required = true };
        var engines = new Option<string>("--engines") { Description = "Comma-separated: rules,llm,hybrid", DefaultValueFactory = _ => "rules" };
        var models = new Option<string?>("--models") { Description = $"Comma-separated Ollama models for llm/hybrid (default: $OLLAMA_MODEL, else {OllamaSettings.DefaultModel})" };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON here" };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report with charts here" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Gold reports analysed at once", DefaultValueFactory = _ => 2 };
        var limit = new Option<int?>("--limit") { Description = "Only the first N gold reports" };
        var fewShot = new Option<string?>("--few-shot")
        {
            Description = "Gold records (JSONL) to use as few-shot examples: each llm/hybrid run is made zero-shot and few-shot, side by side",
        };
        var command = new Command("eval", "Compare engines and models on a gold set") { gold, engines, models, json, html, concurrency, limit, fewShot };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var runs = Plan(context.Get(engines), context.Get(models) ?? context.Ollama.Options.Model);
            var goldPath = context.Get(gold);
            if (!File.Exists(goldPath) && !Directory.Exists(goldPath))
            {
                throw new CliException($"file not found: {goldPath}");
            }

            var files = Directory.Exists(goldPath) ? GoldFile.LoadFolder(goldPath) : [new GoldCorpusFile(Path.GetFileName(goldPath), GoldFile.Load(goldPath))];
            foreach (var file in files)
            {
                await context.Out.WriteLineAsync($"{file.Name}: {file.Reports.Count} report(s)");
            }

            IReadOnlyList<GoldReport> reports = [.. files.SelectMany(f => f.Reports)];
            PromptVariant? few = null;
            if (context.Get(fewShot) is { } examplesPath)
            {
                if (context.UseServer)
                {
                    throw CliException.Usage("--few-shot runs the analysis in this process: drop --server");
                }

                (few, var exampleIds) = await FewShotFile.LoadAsync(examplesPath, context.Error, cancellationToken);
                var evaluated = reports.Where(r => !exampleIds.Contains(r.Id)).ToList();
                if (evaluated.Count < reports.Count)
                {
                    // An example scored on itself would flatter the few-shot run.
                    await context.Out.WriteLineAsync($"{reports.Count - evaluated.Count} gold report(s) used as examples left out");
                }

                reports = evaluated;
            }

            if (context.Get(limit) is { } n)
            {
                reports = [.. reports.Take(Math.Max(1, n))];
            }

            var results = new List<EvalRun>();
            await using (var analysis = AnalyzeCommand.CreateTextAnalysis(context))
            {
                var runner = new EvalRunner(analysis, context);
                foreach (var (engine, model) in runs)
                {
                    PromptVariant?[] prompts = few is null || engine == "rules" ? [null] : [PromptVariant.Zero, few];
                    foreach (var prompt in prompts)
                    {
                        var run = await runner.RunAsync(engine, model, reports, Math.Max(1, context.Get(concurrency)), cancellationToken, prompt);
                        if (run.Error is not null)
                        {
                            await context.Error.WriteLineAsync($"{run.Label}: not run: {run.Error}");
                        }

                        results.Add(run);
                    }
                }
            }

            PrintTable(context, results, reports.Count);
            await WriteOutputsAsync(context, Path.GetFileName(goldPath), reports.Count, results, context.Get(json), context.Get(html), cancellationToken);
            return results.Any(r => r.Error is not null) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static List<(string Engine, string Model)> Plan(string engines, string models)
    {
        var (runs, problem) = EvaluationPlan.Make(engines.Split(','), models.Split(','));
        if (problem is { } p)
        {
            throw CliException.Usage(p.Field == "engines" ? "--engines: a comma-separated list of rules, llm, hybrid" : "--models: name at least one model");
        }

        return [.. runs.Select(r => (r.Engine, r.Model))];
    }

    private static void PrintTable(CliContext context, IReadOnlyList<EvalRun> runs, int reportCount)
    {
        var table = new Table().Title($"evaluation on {reportCount} gold report(s)").AddColumn("metric");
        foreach (var run in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(run.Label)).RightAligned());
        }

        foreach (var metric in EvalMetrics.All)
        {
            table.AddRow([Markup.Escape(metric.Name), .. runs.Select(r => r.Figures is { } figures ? Markup.Escape(EvalMetrics.Cell(metric, figures.Metric(metric.Name))) : "not run")]);
        }

        var console = context.Output;
        console.Write(table);
        console.MarkupLine(Markup.Escape($"[low, high]: {BootstrapSettings.Default.Level:P0} bootstrap interval over the gold reports ({BootstrapSettings.Default.Iterations} resamples, seed {BootstrapSettings.Default.Seed}); docs/evaluation.md"));
        if (runs.Any(r => r.Figures is { PerClass.Count: > 0 }))
        {
            console.Write(EvalMetrics.PerClassTable(runs));
        }

        foreach (var run in runs.Where(r => r.Report is { Calibration.Count: > 0 }))
        {
            console.Write(EvalMetrics.ReliabilityTable(run.Label, run.Report!.Calibration));
        }
    }

    private static async Task WriteOutputsAsync(CliContext context, string goldName, int reportCount, IReadOnlyList<EvalRun> runs,
        string? jsonPath, string? htmlPath, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        if (jsonPath is not null)
        {
            var document = new
            {
                gold_file = goldName,
                report_count = reportCount,
                generated_at = now,
                runs = runs.Select(r => new { engine = r.Engine, model = r.Model, prompt = r.Prompt, error = r.Error, metrics = r.Report, figures = r.Figures }),
            };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(document, ReportLensJson.Options), new UTF8Encoding(false), cancellationToken);
        }

        if (htmlPath is not null)
        {
            await File.WriteAllTextAsync(htmlPath, EvalHtml.Render(goldName, reportCount, runs, now), new UTF8Encoding(false), cancellationToken);
        }
    }
}
