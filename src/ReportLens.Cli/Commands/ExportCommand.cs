using ExportData = System.Collections.Generic.List<(ReportLens.Data.Entities.Report Report, System.Collections.Generic.List<ReportLens.Data.Entities.Annotation> Annotations)>;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Validation;
using ReportLens.Cli.Export;
using ReportLens.Cli.Fhir;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;

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

            var filter = new ExportFilter(context.Get(type), sinceDate, context.Get(reportId));
            var data = await LoadAsync(context, filter, cancellationToken);
            var path = context.Get(output);
            var count = context.Get(format) switch
            {
                "jsonl" => await WriteJsonlAsync(path, data, cancellationToken),
                "csv" => await WriteCsvAsync(path, data, cancellationToken),
                _ => await WriteFhirAsync(path, data, context.Time.GetUtcNow(), cancellationToken),
            };
            await context.Error.WriteLineAsync($"exported {count} annotation(s) of {data.Count} report(s) to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ExportData> LoadAsync(CliContext context, ExportFilter filter, CancellationToken cancellationToken)
    {
        if (context.UseServer)
        {
            using var client = ServerClient.From(context);
            return await ServerExportQuery.LoadAsync(client, filter, cancellationToken);
        }

        await using var db = Databases.Open(context);
        return await ExportQuery.LoadAsync(db, filter, cancellationToken);
    }

    private static async Task<int> WriteJsonlAsync(string path, ExportData data, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var count = 0;
        foreach (var (report, annotations) in data)
        {
            foreach (var annotation in annotations)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(AnnotationRows.ToExported(report, annotation), ReportLensJson.Options)
                    .AsMemory(), cancellationToken);
                count++;
            }
        }

        return count;
    }

    private static async Task<int> WriteCsvAsync(string path, ExportData data, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var csv = new CsvWriter(writer);
        await csv.WriteRecordAsync(AnnotationRows.CsvHeader, cancellationToken);
        var count = 0;
        foreach (var (report, annotations) in data)
        {
            foreach (var annotation in annotations)
            {
                await csv.WriteRecordAsync(AnnotationRows.ToCsv(report, annotation), cancellationToken);
                count++;
            }
        }

        return count;
    }

    private static async Task<int> WriteFhirAsync(string path, ExportData data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var builder = new FhirBundleBuilder(now);
        foreach (var (report, annotations) in data)
        {
            builder.Add(report, annotations);
        }

        var bundle = builder.Build();
        // The Firely SDK checks cardinality, required elements and value formats of the base spec; then our own
        // output must parse back strictly. A Bundle that fails either is never written.
        if (bundle.Validate().FirstOrDefault() is { } problem)
        {
            throw new CliException($"FHIR export failed validation: {problem.Message}");
        }

        var json = FhirJson.Serialize(bundle);
        var parsed = (Hl7.Fhir.Model.Bundle)FhirJson.Parse(json);
        if (parsed.Entry.Count != bundle.Entry.Count)
        {
            throw new CliException("FHIR export failed its round-trip check");
        }

        await File.WriteAllTextAsync(path, json, new UTF8Encoding(false), cancellationToken);
        return data.Sum(d => d.Annotations.Count);
    }
}
