using System.Text.Json;

namespace ReportLens.Core.Interop;

/// <summary>
/// Reads reports from JSON Lines: one object per line with the text in "report_content" or "text" and the
/// accession number in "accession_number", "accession" or "id"; blank lines are skipped.
/// </summary>
public static class JsonlReportReader
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(
        TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(line, $"line {lineNumber}");
        }
    }

    public static ImportRow ParseLine(string line, string location)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return ImportRow.Bad(location, $"bad JSON ({JsonErrors.Describe(ex)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ImportRow.Bad(location, "expected a JSON object");
            }

            // A line of our own JSONL export nests the report and carries one annotation.
            var isExportLine = root.TryGetProperty("report", out var nested) && nested.ValueKind == JsonValueKind.Object;
            var fields = isExportLine ? nested : root;
            var text = JsonFields.String(fields, "report_content", "text");
            if (text is null)
            {
                return ImportRow.Bad(location, "no \"report_content\" or \"text\" field");
            }

            if (!ReportValidation.TryParseDate(JsonFields.String(fields, "exam_date"), out var date))
            {
                return ImportRow.Bad(location, "exam_date is not a yyyy-MM-dd date");
            }

            var report = new ImportedReport
            {
                Text = text,
                // In an export line "id" is the exporting database's report id, not an accession number.
                AccessionNumber = ReportValidation.Blank(isExportLine
                    ? JsonFields.String(fields, "accession_number")
                    : JsonFields.String(fields, "accession_number", "accession", "id")),
                Modality = ReportValidation.Blank(JsonFields.String(fields, "modality")),
                BodyPart = ReportValidation.Blank(JsonFields.String(fields, "body_part")),
                ExamDate = date,
                Language = ReportValidation.Blank(JsonFields.String(fields, "language")),
                Annotations = isExportLine ? ExportedAnnotationLine.Read(root) : [],
            };
            return ReportValidation.Check(report) is { } error ? ImportRow.Bad(location, error) : ImportRow.Ok(location, report);
        }
    }
}
