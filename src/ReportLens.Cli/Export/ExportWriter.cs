using System.Text;
using System.Text.Json;
using Hl7.Fhir.Validation;
using ReportLens.Application.Fhir;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Export;

/// <summary>Writes an export file and tallies what went into it; the returned tally is complete only once the file is.</summary>
public static class ExportWriter
{
    public static async Task<ExportTally> WriteJsonlAsync(string path, IAsyncEnumerable<(Report Report, Annotation Annotation)> rows, CancellationToken cancellationToken)
    {
        var tally = new ExportTally();
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await foreach (var (report, annotation) in rows.WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(AnnotationRows.ToExported(report, annotation), ReportLensJson.Options)
                    .AsMemory(), cancellationToken);
                tally.AddReport(report.Id, 1);
            }
        }

        return tally;
    }

    public static async Task<ExportTally> WriteCsvAsync(string path, IAsyncEnumerable<(Report Report, Annotation Annotation)> rows, CancellationToken cancellationToken)
    {
        var tally = new ExportTally();
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            var csv = new CsvWriter(writer);
            await csv.WriteRecordAsync(AnnotationRows.CsvHeader, cancellationToken);
            await foreach (var (report, annotation) in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(AnnotationRows.ToCsv(report, annotation), cancellationToken);
                tally.AddReport(report.Id, 1);
            }
        }

        return tally;
    }

    public static async Task<ExportTally> WriteFhirAsync(
        string path, IReadOnlyList<(Report Report, List<Annotation> Annotations)> data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var builder = new FhirBundleBuilder(now);
        var tally = new ExportTally();
        foreach (var (report, annotations) in data)
        {
            builder.Add(report, annotations);
            tally.AddReport(report.Id, annotations.Count);
        }

        var bundle = builder.Build();
        // The Firely SDK checks cardinality, required elements and value formats of the base spec, into every entry;
        // a Bundle that fails is never written.
        if (bundle.Validate().FirstOrDefault() is { } problem)
        {
            throw new CliException($"FHIR export failed validation: {problem.Message}");
        }

        await using (var file = File.Create(path))
        {
            await FhirJson.SerializeAsync(file, bundle, cancellationToken);
        }

        return tally;
    }
}
