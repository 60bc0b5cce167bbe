using ReportLens.Cli.Fhir;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Import;

/// <summary>Picks the reader for a file or folder from --format or, failing that, from the extension.</summary>
public static class ImportSource
{
    public static ImportFormat Resolve(string path, string? format)
    {
        if (format is not null)
        {
            return Enum.Parse<ImportFormat>(format, ignoreCase: true);
        }

        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.txt").Any() || !Directory.EnumerateFiles(path, "*.json").Any()
                ? ImportFormat.Txt
                : ImportFormat.Fhir;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => IsFhirNdjson(path) ? ImportFormat.Fhir : ImportFormat.Jsonl,
            ".csv" or ".tsv" => ImportFormat.Csv,
            ".json" => ImportFormat.Fhir,
            ".txt" => ImportFormat.Txt,
            var ext => throw CliException.Usage($"cannot tell the format of '{Path.GetFileName(path)}' ({ext}): pass --format jsonl|csv|txt|fhir"),
        };
    }

    /// <summary>FHIR bulk data exports are NDJSON: one resource per line, each with a resourceType.</summary>
    private static bool IsFhirNdjson(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return first is not null && first.Contains("\"resourceType\"", StringComparison.Ordinal);
    }

    public static async Task<List<ImportRow>> ReadAllAsync(string path, ImportFormat format, CsvColumnMap map, CancellationToken cancellationToken)
    {
        var isFolder = Directory.Exists(path);
        if (!isFolder && !File.Exists(path))
        {
            throw new CliException($"file not found: {path}");
        }

        var rows = new List<ImportRow>();
        switch (format)
        {
            case ImportFormat.Txt when isFolder:
                await foreach (var row in TextFolderReader.ReadAsync(path, cancellationToken))
                {
                    rows.Add(row);
                }

                break;
            case ImportFormat.Txt:
                var text = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
                var report = new ImportedReport { Text = text, AccessionNumber = Path.GetFileNameWithoutExtension(path) };
                var name = Path.GetFileName(path);
                rows.Add(ReportValidation.Check(report) is { } error ? ImportRow.Bad(name, error) : ImportRow.Ok(name, report));
                break;
            case ImportFormat.Fhir:
                rows.AddRange(await FhirReportReader.ReadAsync(path, cancellationToken));
                break;
            case ImportFormat.Jsonl or ImportFormat.Csv when isFolder:
                throw CliException.Usage($"{path} is a folder: --format {format.ToString().ToLowerInvariant()} takes a file");
            case ImportFormat.Jsonl:
                using (var reader = new StreamReader(path))
                {
                    await foreach (var row in JsonlReportReader.ReadAsync(reader, cancellationToken))
                    {
                        rows.Add(row);
                    }
                }

                break;
            case ImportFormat.Csv:
                using (var reader = new StreamReader(path))
                {
                    await foreach (var row in CsvReportReader.ReadAsync(reader, map, cancellationToken))
                    {
                        rows.Add(row);
                    }
                }

                break;
        }

        return rows;
    }
}
