using System.CommandLine;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Cli.Export;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Interop;
using ReportLens.Data.Entities;

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
        var deidentify = new Option<bool>("--deidentify")
        {
            Description = "Replace identifiers in report texts and annotations with placeholders, leave out accession numbers, shift dates (docs/privacy.md)",
        };

        var command = new Command("export", "Export annotations with their reports") { format, type, since, reportId, output, deidentify };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            if (!ReportValidation.TryParseDate(context.Get(since), out var sinceDate))
            {
                throw CliException.Usage("--since: not a yyyy-MM-dd date");
            }

            var filter = new ExportFilter(AnnotationTypes.TryParse(context.Get(type), out var only) ? only : null, sinceDate, context.Get(reportId));
            var path = context.Get(output);
            var deid = context.Get(deidentify) ? new ExportDeidentifier(new Deidentifier()) : null;
            var tally = context.UseServer
                ? await FromServerAsync(context, filter, context.Get(format), path, deid, cancellationToken)
                : await FromDatabaseAsync(context, filter, context.Get(format), path, deid, cancellationToken);
            var what = deid is null ? "" : "de-identified ";
            await context.Error.WriteLineAsync($"exported {tally.Annotations} {what}annotation(s) of {tally.ReportIds.Count} report(s) to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The audit names exactly the reports in the file, and commits only once the file is complete.</summary>
    private static async Task<ExportTally> FromDatabaseAsync(
        CliContext context, ExportFilter filter, string format, string path, ExportDeidentifier? deid, CancellationToken cancellationToken)
    {
        await using var db = Databases.Open(context);
        var rows = ExportQuery.StreamRowsAsync(db, filter, cancellationToken);
        rows = deid is null ? rows : rows.Select(row => deid.Apply(row.Report, row.Annotation));
        var tally = format switch
        {
            "jsonl" => await ExportWriter.WriteJsonlAsync(path, rows, cancellationToken),
            "csv" => await ExportWriter.WriteCsvAsync(path, rows, cancellationToken),
            _ => await ExportWriter.WriteFhirAsync(path, Deidentified(await ExportQuery.LoadAsync(db, filter, cancellationToken), deid),
                context.Time.GetUtcNow(), cancellationToken),
        };
        var detail = PrivacyAuditDetail.Of("cli export", deid is not null);
        AuditEntries.StageMany(db, Actor.CommandLine(), AuditActions.Export, tally.ReportIds, detail, context.Time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return tally;
    }

    /// <summary>The server audits every read itself.</summary>
    private static async Task<ExportTally> FromServerAsync(
        CliContext context, ExportFilter filter, string format, string path, ExportDeidentifier? deid, CancellationToken cancellationToken)
    {
        using var client = ServerClient.From(context);
        var data = Deidentified(await ServerExportQuery.LoadAsync(client, filter, cancellationToken), deid);
        var rows = data.SelectMany(d => d.Annotations.Select(a => (d.Report, Annotation: a))).ToAsyncEnumerable();
        return format switch
        {
            "jsonl" => await ExportWriter.WriteJsonlAsync(path, rows, cancellationToken),
            "csv" => await ExportWriter.WriteCsvAsync(path, rows, cancellationToken),
            _ => await ExportWriter.WriteFhirAsync(path, data, context.Time.GetUtcNow(), cancellationToken),
        };
    }

    private static List<(Report Report, List<Annotation> Annotations)> Deidentified(
        List<(Report Report, List<Annotation> Annotations)> data, ExportDeidentifier? deid) =>
        deid is null ? data : [.. data.Select(d => deid.Apply(d.Report, d.Annotations))];
}
