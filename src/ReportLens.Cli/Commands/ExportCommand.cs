using System.CommandLine;
using ReportLens.Application.Audit;
using ReportLens.Cli.Export;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens export`: annotations with their reports as JSONL, CSV or a FHIR R4 Bundle.</summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var format = new Option<string>("--format") { Description = "jsonl|csv|fhir", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "csv", "fhir");
        var type = new Option<string?>("--type") { Description = "Only this annotation type" };
        type.AcceptOnlyFromAmong([.. AnnotationTypes.WireNames]);
        var since = new Option<string?>("--since") { Description = "Only annotations created on or after this date (yyyy-MM-dd)" };
        var reportId = new Option<int?>("--report-id") { Description = "Only this report" };
        var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };

        var command = new Command("export", "Export annotations with their reports") { format, type, since, reportId, output };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            if (!ReportValidation.TryParseDate(context.Get(since), out var sinceDate))
            {
                throw CliException.Usage("--since: not a yyyy-MM-dd date");
            }

            var filter = new ExportFilter(AnnotationTypes.TryParse(context.Get(type), out var only) ? only : null, sinceDate, context.Get(reportId));
            var path = context.Get(output);
            var tally = context.UseServer
                ? await FromServerAsync(context, filter, context.Get(format), path, cancellationToken)
                : await FromDatabaseAsync(context, filter, context.Get(format), path, cancellationToken);
            await context.Error.WriteLineAsync($"exported {tally.Annotations} annotation(s) of {tally.ReportIds.Count} report(s) to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The audit names exactly the reports in the file, and commits only once the file is complete.</summary>
    private static async Task<ExportTally> FromDatabaseAsync(CliContext context, ExportFilter filter, string format, string path, CancellationToken cancellationToken)
    {
        await using var db = Databases.Open(context);
        var tally = format switch
        {
            "jsonl" => await ExportWriter.WriteJsonlAsync(path, ExportQuery.StreamRowsAsync(db, filter, cancellationToken), cancellationToken),
            "csv" => await ExportWriter.WriteCsvAsync(path, ExportQuery.StreamRowsAsync(db, filter, cancellationToken), cancellationToken),
            _ => await ExportWriter.WriteFhirAsync(path, await ExportQuery.LoadAsync(db, filter, cancellationToken), context.Time.GetUtcNow(), cancellationToken),
        };
        AuditEntries.StageMany(db, Actor.CommandLine(), AuditActions.Export, tally.ReportIds, "cli export", context.Time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return tally;
    }

    /// <summary>The server audits every read itself.</summary>
    private static async Task<ExportTally> FromServerAsync(CliContext context, ExportFilter filter, string format, string path, CancellationToken cancellationToken)
    {
        using var client = ServerClient.From(context);
        var data = await ServerExportQuery.LoadAsync(client, filter, cancellationToken);
        var rows = data.SelectMany(d => d.Annotations.Select(a => (d.Report, Annotation: a))).ToAsyncEnumerable();
        return format switch
        {
            "jsonl" => await ExportWriter.WriteJsonlAsync(path, rows, cancellationToken),
            "csv" => await ExportWriter.WriteCsvAsync(path, rows, cancellationToken),
            _ => await ExportWriter.WriteFhirAsync(path, data, context.Time.GetUtcNow(), cancellationToken),
        };
    }
}
