using System.CommandLine;
using ReportLens.Application.Audit;
using ReportLens.Application.Import;
using ReportLens.Cli.Import;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens import FILE|FOLDER`: JSONL, CSV, a folder of .txt files or FHIR R4, all or nothing unless --skip-bad.</summary>
public static class ImportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var path = new Argument<string>("path") { Description = "A .jsonl, .csv or FHIR .json file, or a folder of .txt (or FHIR .json) files" }.RejectOptionLikeValues();
        var format = new Option<string?>("--format") { Description = "jsonl|csv|txt|fhir (default: from the extension)" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "txt", "fhir");
        var mapText = new Option<string?>("--map-text") { Description = "CSV column holding the report text (default report_content or text)" };
        var mapAccession = new Option<string?>("--map-accession") { Description = "CSV column holding the accession number" };
        var mapModality = new Option<string?>("--map-modality") { Description = "CSV column holding the modality" };
        var mapBodyPart = new Option<string?>("--map-body-part") { Description = "CSV column holding the body part" };
        var mapDate = new Option<string?>("--map-date") { Description = "CSV column holding the exam date (yyyy-MM-dd)" };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV field delimiter: one character, or 'tab'", DefaultValueFactory = _ => "," };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Import the good rows and list the bad ones (default: import nothing if any row is bad)" };

        var command = new Command("import", "Import reports (idempotent by accession number)")
        {
            path, format, mapText, mapAccession, mapModality, mapBodyPart, mapDate, delimiter, skipBad,
        };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var source = context.Get(path);
            var map = new CsvColumnMap
            {
                Text = context.Get(mapText),
                Accession = context.Get(mapAccession),
                Modality = context.Get(mapModality),
                BodyPart = context.Get(mapBodyPart),
                Date = context.Get(mapDate),
                Delimiter = CsvDelimiter.Parse(context.Get(delimiter)),
            };
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                throw new CliException($"file not found: {source}");
            }

            var resolved = ImportSource.Resolve(source, context.Get(format));
            var rows = ImportReports.Check(await ImportSource.ReadAllAsync(source, resolved, map, cancellationToken));
            var bad = rows.Where(r => r.Error is not null).ToList();
            foreach (var row in bad)
            {
                await context.Error.WriteLineAsync($"bad row: {TerminalText.Safe(row.Location)}: {TerminalText.Safe(row.Error)}");
            }

            if (bad.Count > 0 && !context.Get(skipBad))
            {
                await context.Error.WriteLineAsync(
                    $"error: nothing imported: {bad.Count} bad row(s) of {rows.Count}; fix them or pass --skip-bad to import the rest");
                return ExitCodes.Failure;
            }

            var good = rows.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
            var outcome = context.UseServer
                ? await ServerImport.ImportAsync(context, good, cancellationToken)
                : await ImportIntoDatabaseAsync(context, good, cancellationToken);
            await context.Error.WriteLineAsync(
                $"imported {good.Count} report(s): {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged; "
                + $"{outcome.AnnotationsAdded} annotation(s) added; {bad.Count} bad row(s) skipped");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ImportOutcome> ImportIntoDatabaseAsync(CliContext context, List<ImportedReport> reports, CancellationToken cancellationToken)
    {
        await using var useCases = RecordUseCases.Open(context);
        return await useCases.ImportReports.RunAsync(reports, Actor.CommandLine(), cancellationToken);
    }
}
