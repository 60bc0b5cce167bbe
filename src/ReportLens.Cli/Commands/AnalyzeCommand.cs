using System.CommandLine;
using System.Text.Json;
using ReportLens.Cli.Analysis;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Commands;

/// <summary>
/// `reportlens analyze`: one report from a file or stdin (prints the annotation JSON), many from JSONL
/// (--input/--output, resumable), or reports stored in the database (--report-id, --all; saved as annotations).
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string?>("file") { Description = "Report text file, or - for stdin", Arity = ArgumentArity.ZeroOrOne }.RejectOptionLikeValues();
        var type = new Option<string>("--type", "-t") { Description = "highlight|classification|extraction|scoring", Required = true };
        type.AcceptOnlyFromAmong([.. AnnotationTypes.WireNames]);
        var engine = new Option<string?>("--engine", "-e") { Description = "llm|rules|hybrid (default: hybrid when Ollama has the model, else rules)" };
        engine.AcceptOnlyFromAmong("llm", "rules", "hybrid");
        var model = new Option<string?>("--model", "-m") { Description = $"Ollama model (default: $OLLAMA_MODEL, else {OllamaSettings.DefaultModel})" };
        var prompt = new Option<string>("--prompt", "-p") { Description = "The user request (the API's user_prompt; default empty)", DefaultValueFactory = _ => "" };
        var temperature = new Option<double?>("--temperature") { Description = "Sampling temperature (default: per type)" };
        var language = new Option<string?>("--language") { Description = "zh|en (default: detected)" };
        var input = new Option<string?>("--input", "-i") { Description = "JSONL of {\"id\",\"text\"} to analyse in bulk" };
        var output = new Option<string?>("--output", "-o") { Description = "JSONL results (appended; ids already there are skipped)" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Reports analysed at once", DefaultValueFactory = _ => 4 };
        var reportId = new Option<int?>("--report-id") { Description = "Analyse this stored report and save the annotation" };
        var all = new Option<bool>("--all") { Description = "Analyse every stored report that has no annotation of this type yet, as a durable job run here, and save them" };

        var command = new Command("analyze", "Analyse reports")
        {
            file, type, engine, model, prompt, temperature, language, input, output, concurrency, reportId, all,
        };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            AnnotationTypes.TryParse(context.Get(type), out var annotationType);
            var settings = new AnalysisSettings(annotationType, ParseEngine(context.Get(engine)), context.Get(model), context.Get(prompt), context.Get(temperature));
            var modes = new[] { context.Get(file) is not null, context.Get(input) is not null, context.Get(reportId) is not null, context.Get(all) };
            if (modes.Count(m => m) != 1)
            {
                throw CliException.Usage("give exactly one of: FILE (or - for stdin), --input FILE --output FILE, --report-id N, --all");
            }

            if (context.Get(output) is not null && context.Get(input) is null)
            {
                throw CliException.Usage("--output goes with --input (single reports print to stdout)");
            }

            var parallel = context.Get(concurrency);
            if (parallel < 1)
            {
                throw CliException.Usage("--concurrency must be at least 1");
            }

            if (context.Get(input) is { } inputFile)
            {
                var outputFile = context.Get(output) ?? throw CliException.Usage("--input needs --output");
                await using var analysis = CreateTextAnalysis(context);
                var summary = await new BatchAnalyzer(analysis, settings, context).RunAsync(inputFile, outputFile, parallel, cancellationToken);
                await context.Error.WriteLineAsync(
                    $"{summary.Total} report(s): {summary.Succeeded} analysed, {summary.Skipped} already in {outputFile}, {summary.Failed} failed");
                return summary.Failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
            }

            if (context.Get(reportId) is { } id)
            {
                var result = context.UseServer
                    ? await AnalyzeStoredOnServerAsync(context, settings, id, cancellationToken)
                    : await RunStoredAsync(context, settings, s => s.AnalyzeOneAsync(id, cancellationToken));
                await PrintAsync(context, result);
                return ExitCodes.Success;
            }

            if (context.Get(all))
            {
                if (context.UseServer)
                {
                    throw CliException.Usage("--all works on the database: drop --server (or use the server's batch jobs)");
                }

                var jobSettings = new Dictionary<string, string?> { ["Jobs:Concurrency"] = parallel.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var (succeeded, failed) = await RunStoredAsync(context, settings, s => s.AnalyzeAllAsync(cancellationToken), jobSettings);
                await context.Error.WriteLineAsync($"{succeeded} report(s) analysed and saved, {failed} failed");
                return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
            }

            var text = await ReadTextAsync(context.Get(file)!, cancellationToken);
            await using (var analysis = CreateTextAnalysis(context))
            {
                await PrintAsync(context, await analysis.AnalyzeAsync(text, context.Get(language), settings, cancellationToken));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static EngineKind? ParseEngine(string? value) => value is null ? null : Enum.Parse<EngineKind>(value, ignoreCase: true);

    public static ITextAnalysis CreateTextAnalysis(CliContext context) =>
        context.UseServer
            ? new ServerTextAnalysis(ServerClient.From(context))
            : new LocalTextAnalysis(AnalysisHost.Create(context, withDatabase: false));

    private static async Task<T> RunStoredAsync<T>(
        CliContext context, AnalysisSettings settings, Func<StoredAnalyzer, Task<T>> run, IReadOnlyDictionary<string, string?>? hostSettings = null)
    {
        await using var host = AnalysisHost.Create(context, withDatabase: true, hostSettings);
        return await run(new StoredAnalyzer(host, settings, context));
    }

    private static async Task<AnalysisOutput> AnalyzeStoredOnServerAsync(CliContext context, AnalysisSettings settings, int id, CancellationToken cancellationToken)
    {
        using var client = ServerClient.From(context);
        var response = await client.PostAsync("api/v1/ai/analyze", new
        {
            report_id = id,
            user_prompt = settings.Prompt,
            annotation_type = settings.Type.ToWire(),
            engine = settings.EngineWire,
            model = settings.Model,
            temperature = settings.Temperature,
        }, cancellationToken);
        return response.Deserialize<AnalysisOutput>(ReportLensJson.Options) ?? throw new JsonException("empty answer from the server");
    }

    private static async Task<string> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        var text = file == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken)
            : File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : throw new CliException($"file not found: {file}");
        return string.IsNullOrWhiteSpace(text) ? throw new CliException("the report text is empty") : text.Trim();
    }

    private static Task PrintAsync(CliContext context, AnalysisOutput output) =>
        context.Out.WriteLineAsync(JsonSerializer.Serialize(output, ReportLensJson.Options));
}
