namespace ReportLens.Core.Interop;

/// <summary>Reads reports from a CSV file with a header row, mapping columns by <see cref="CsvColumnMap"/>.</summary>
public static class CsvReportReader
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(
        TextReader reader, CsvColumnMap map,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Columns? columns = null;
        await foreach (var record in CsvParser.ReadAsync(reader, map.Delimiter, cancellationToken))
        {
            if (columns is null)
            {
                columns = Columns.Resolve(record.Fields, map);
                continue;
            }

            yield return ToRow(record, columns);
        }

        if (columns is null)
        {
            throw new FormatException("the CSV file is empty (no header row)");
        }
    }

    private static ImportRow ToRow(CsvRecord record, Columns columns)
    {
        var location = $"line {record.Line}";
        if (record.Fields.Count != columns.Count)
        {
            return ImportRow.Bad(location, $"expected {columns.Count} fields, found {record.Fields.Count}");
        }

        var date = columns.Date is { } d ? record.Fields[d] : null;
        if (!ReportValidation.TryParseDate(date, out var examDate))
        {
            return ImportRow.Bad(location, "exam date is not a yyyy-MM-dd date");
        }

        var report = new ImportedReport
        {
            Text = record.Fields[columns.Text],
            AccessionNumber = Field(record, columns.Accession),
            Modality = Field(record, columns.Modality),
            BodyPart = Field(record, columns.BodyPart),
            Language = Field(record, columns.Language),
            ExamDate = examDate,
        };
        return ReportValidation.Check(report) is { } error ? ImportRow.Bad(location, error) : ImportRow.Ok(location, report);
    }

    private static string? Field(CsvRecord record, int? index) =>
        index is { } i ? ReportValidation.Blank(record.Fields[i]) : null;

    private sealed record Columns(int Count, int Text, int? Accession, int? Modality, int? BodyPart, int? Date, int? Language)
    {
        public static Columns Resolve(IReadOnlyList<string> header, CsvColumnMap map)
        {
            var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            int? Find(string? chosen, params string[] defaults)
            {
                if (chosen is not null)
                {
                    var index = names.FindIndex(n => n.Equals(chosen, StringComparison.OrdinalIgnoreCase));
                    return index >= 0
                        ? index
                        : throw new FormatException($"the CSV header has no column \"{chosen}\" (columns: {string.Join(", ", names)})");
                }

                var found = names.FindIndex(n => defaults.Contains(n, StringComparer.OrdinalIgnoreCase));
                return found >= 0 ? found : null;
            }

            var text = Find(map.Text, "report_content", "text", "report")
                ?? throw new FormatException(
                    $"the CSV header has no report text column (name it report_content or pass --map-text; columns: {string.Join(", ", names)})");
            return new Columns(
                names.Count,
                text,
                Find(map.Accession, "accession_number", "accession", "id"),
                Find(map.Modality, "modality"),
                Find(map.BodyPart, "body_part"),
                Find(map.Date, "exam_date", "date"),
                Find(map.Language, "language"));
        }
    }
}
