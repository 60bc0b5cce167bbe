using System.CommandLine;
using System.Text.Json;
using ReportLens.Application.Audit;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Prompts;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Text;

namespace ReportLens.Cli.Commands;

/// <summary>
/// `reportlens prompts examples set|show|clear`: the few-shot example sets in the database, through the same use case
/// as the server's API (checks, audit record, prompt version).
/// </summary>
public static class PromptsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var examples = new Command("examples", "Few-shot examples per annotation type and language (docs/llm.md)") { Set(globals), Show(globals), Clear(globals) };
        return new Command("prompts", "Manage the prompts' few-shot examples in the database") { examples };
    }

    private static Option<string> TypeOption()
    {
        var option = new Option<string>("--type") { Description = "highlight|classification|extraction", Required = true };
        option.AcceptOnlyFromAmong([.. AnnotationTypes.WireNames]);
        return option;
    }

    private static Option<string> LanguageOption()
    {
        var option = new Option<string>("--language") { Description = "zh|en", Required = true };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    private static Command Set(GlobalOptions globals)
    {
        var (type, language) = (TypeOption(), LanguageOption());
        var file = new Option<string>("--file") { Description = "Gold records (JSONL, docs/gold-format.md), one example per line", Required = true };
        var command = new Command("set", "Set the examples of a type and language from a gold file (replaces the set before)") { type, language, file };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var (t, l) = Parse(context.Get(type), context.Get(language));
            var records = await ExampleFile.ReadAsync(context.Get(file), cancellationToken);
            await using var useCases = RecordUseCases.Open(context);
            var change = await useCases.PromptExamples.SetAsync(t, l, records.Records, Actor.CommandLine(), cancellationToken);
            if (change.Set is not { } set)
            {
                foreach (var (field, message) in change.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    await context.Error.WriteLineAsync(TerminalText.Safe(records.Describe(field, message)));
                }

                throw CliException.Usage($"no examples set: {change.Errors.Count} problem(s)");
            }

            await context.Error.WriteLineAsync($"{set.Examples.Count} example(s) set for {t.ToWire()}/{l.ToCode()}: prompt version {set.PromptVersion}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var (type, language) = (TypeOption(), LanguageOption());
        var command = new Command("show", "Print the examples of a type and language as JSON (as the API's GET returns them)") { type, language };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var (t, l) = Parse(context.Get(type), context.Get(language));
            await using var useCases = RecordUseCases.Open(context);
            var set = await useCases.PromptExamples.ShowAsync(t, l, cancellationToken)
                ?? throw new CliException($"no few-shot examples for {t.ToWire()}/{l.ToCode()}: its analyses are zero-shot");
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(set, ReportLensJson.Options));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Clear(GlobalOptions globals)
    {
        var (type, language) = (TypeOption(), LanguageOption());
        var command = new Command("clear", "Remove the examples of a type and language: its analyses become zero-shot") { type, language };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var (t, l) = Parse(context.Get(type), context.Get(language));
            await using var useCases = RecordUseCases.Open(context);
            if (!await useCases.PromptExamples.ClearAsync(t, l, Actor.CommandLine(), cancellationToken))
            {
                throw new CliException($"no few-shot examples for {t.ToWire()}/{l.ToCode()}");
            }

            await context.Error.WriteLineAsync($"few-shot examples for {t.ToWire()}/{l.ToCode()} cleared");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (AnnotationType, ReportLanguage) Parse(string type, string language)
    {
        AnnotationTypes.TryParse(type, out var t);
        LanguageDetector.TryParse(language, out var l);
        return (t, l);
    }
}
