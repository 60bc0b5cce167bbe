using System.CommandLine;
using System.Globalization;
using OllamaSharp.Models;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Models;
using Spectre.Console;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens models list|pull|warm` against Ollama.</summary>
public static class ModelsCommand
{
    public static Command Create(GlobalOptions globals) =>
        new("models", "List, pull and pre-load Ollama models") { List(globals), Pull(globals), Warm(globals) };

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "Models installed in Ollama");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            using var client = OllamaClients.Create(context);
            var models = await OllamaClients.CallAsync(context, () => client.ListLocalModelsAsync(cancellationToken));
            var table = new Table().AddColumns("name", "size", "parameters", "quantization", "modified");
            foreach (var model in models.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                table.AddRow(
                    Markup.Escape(model.Name),
                    (model.Size / 1e9).ToString("0.0 GB", CultureInfo.InvariantCulture),
                    Markup.Escape(model.Details?.ParameterSize ?? ""),
                    Markup.Escape(model.Details?.QuantizationLevel ?? ""),
                    model.ModifiedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Output.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pull(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Model to download, e.g. qwen2.5:7b" };
        var command = new Command("pull", "Download a model, showing Ollama's progress") { name };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            using var client = OllamaClients.Create(context);
            var model = context.Get(name);
            var last = await OllamaClients.CallAsync(context, () => PullProgress.RunAsync(context, client, model, cancellationToken));
            if (!string.Equals(last, "success", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"pull of {model} ended with status '{last}'");
            }

            await context.Error.WriteLineAsync($"pulled {model}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Warm(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Model to load into memory" };
        var keepAlive = new Option<string?>("--keep-alive")
        {
            Description = $"How long Ollama keeps it loaded (Ollama duration, e.g. 30m, 1h, -1 = forever; default: $OLLAMA_KEEP_ALIVE, else {OllamaSettings.DefaultKeepAlive})",
        };
        var command = new Command("warm", "Load a model now (an empty generate with keep_alive) so the first analysis is fast") { name, keepAlive };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            using var client = OllamaClients.Create(context);
            var model = context.Get(name);
            var keep = context.Get(keepAlive) ?? context.Ollama.Options.KeepAlive;
            var started = context.Time.GetTimestamp();
            await OllamaClients.CallAsync(context, async () =>
            {
                var request = new GenerateRequest { Model = model, Prompt = "", KeepAlive = keep, Stream = false };
                await foreach (var _ in client.GenerateAsync(request, cancellationToken))
                {
                    // The load has happened once the (single) reply arrived.
                }

                return true;
            });
            var seconds = context.Time.GetElapsedTime(started).TotalSeconds;
            await context.Error.WriteLineAsync($"{model} loaded in {seconds.ToString("0.0", CultureInfo.InvariantCulture)}s (keep_alive {keep})");
            return ExitCodes.Success;
        });
        return command;
    }
}
