using System.CommandLine;
using System.Globalization;
using ReportLens.Application.Audit;
using ReportLens.Application.Gold;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens gold export`: the settled reviews as a gold file for `eval --gold` (docs/gold-format.md#gold-export).</summary>
public static class GoldCommand
{
    public static Command Create(GlobalOptions globals) =>
        new("gold", "Gold sets made from reviews") { Export(globals) };

    private static Command Export(GlobalOptions globals)
    {
        var output = new Option<string>("--output", "-o") { Description = "Gold file to write (JSONL)", Required = true };
        var since = new Option<string?>("--since") { Description = "Only reviews settled on or after this date (yyyy-MM-dd, UTC)" };
        var adjudicatedOnly = new Option<bool>("--adjudicated-only") { Description = "Only double reviews settled by adjudication" };
        var deidentify = new Option<bool>("--deidentify") { Description = "De-identify the texts; every span is moved onto the de-identified text (docs/privacy.md)" };
        var command = new Command("export", "Write the settled reviews as a gold file") { output, since, adjudicatedOnly, deidentify };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            if (!ReportValidation.TryParseDate(context.Get(since), out var sinceDate))
            {
                throw CliException.Usage("--since: not a yyyy-MM-dd date");
            }

            var options = new GoldExportOptions(sinceDate, context.Get(adjudicatedOnly), context.Get(deidentify));
            await using var useCases = RecordUseCases.Open(context);
            var result = await useCases.GoldExport.ExportAsync(options, Actor.CommandLine(), cancellationToken);
            var path = context.Get(output);
            await using (var file = File.Create(path))
            {
                await GoldJsonl.WriteAsync(file, result.Records, cancellationToken);
            }

            await PrintSummaryAsync(context.Out, result.Summary, path);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task PrintSummaryAsync(TextWriter writer, GoldExportSummary summary, string path)
    {
        var what = summary.Deidentified ? "de-identified " : "";
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {summary.Reports} {what}gold report(s) to {path}"));
        await writer.WriteLineAsync("items: " + string.Join(", ", summary.Items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key} {i.Value}"))));
        await writer.WriteLineAsync(summary.Skipped.Count == 0
            ? "skipped: none"
            : "skipped: " + string.Join("; ", summary.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value}"))));
    }
}
