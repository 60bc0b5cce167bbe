using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Deid;

/// <summary>
/// De-identifies the report text of JSONL lines, CSV rows or .txt files; every other field is copied as it is.
/// Output is written to a temporary file first, so a failure leaves no half-written file behind.
/// </summary>
public sealed class DeidFiles(Deidentifier deidentifier, DeidTally tally, string? textField)
{
    private static readonly string[] TextFields = ["report_content", "text"];
    private const string PatientField = "patient_id";

    public async Task JsonlAsync(string input, string output, CancellationToken cancellationToken)
    {
        await WriteAtomicallyAsync(output, async writer =>
        {
            var number = 0;
            foreach (var line in File.ReadLines(input))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var root = ParseObject(line, number);
                var fields = root["report"] as JsonObject ?? root;
                var name = textField ?? TextFields.FirstOrDefault(f => fields[f] is JsonValue)
                    ?? throw new CliException($"line {number}: no \"report_content\" or \"text\" field (or pass --text-field)");
                var text = (fields[name] as JsonValue)?.TryGetValue<string>(out var s) == true ? s
                    : throw new CliException($"line {number}: \"{name}\" is not a string");
                fields[name] = Deidentify(text, (fields[PatientField] as JsonValue)?.ToString());
                CopiedFields(fields.Select(p => p.Key), name);
                await writer.WriteLineAsync(root.ToJsonString(ReportLensJson.Options).AsMemory(), cancellationToken);
            }
        });
    }

    public async Task CsvAsync(string input, string output, char delimiter, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input);
        await WriteAtomicallyAsync(output, async writer =>
        {
            var csv = new CsvWriter(writer, delimiter);
            IReadOnlyList<string>? header = null;
            var (column, patient) = (-1, -1);
            await foreach (var record in CsvParser.ReadAsync(reader, delimiter, cancellationToken))
            {
                if (header is null)
                {
                    header = record.Fields;
                    column = textField is null ? header.ToList().FindIndex(h => TextFields.Contains(h.Trim())) : header.ToList().IndexOf(textField);
                    patient = header.ToList().IndexOf(PatientField);
                    if (column < 0)
                    {
                        throw new CliException($"no {textField ?? "report_content or text"} column in the header");
                    }

                    CopiedFields(header, header[column]);
                    await csv.WriteRecordAsync(header, cancellationToken);
                    continue;
                }

                var fields = record.Fields.ToArray();
                if (column < fields.Length)
                {
                    fields[column] = Deidentify(fields[column], patient >= 0 && patient < fields.Length ? fields[patient] : null);
                }

                await csv.WriteRecordAsync(fields, cancellationToken);
            }
        });
    }

    public async Task TextAsync(string input, string output, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(input, cancellationToken);
        await WriteAtomicallyAsync(output, writer => writer.WriteAsync(Deidentify(text, null).AsMemory(), cancellationToken));
    }

    private string Deidentify(string text, string? patientId)
    {
        var result = deidentifier.Deidentify(text, string.IsNullOrWhiteSpace(patientId) ? null : patientId);
        tally.Add(result);
        return result.Text;
    }

    private void CopiedFields(IEnumerable<string> fields, string textName)
    {
        foreach (var field in fields.Where(f => f != textName && f != "report"))
        {
            tally.CopiedFields.Add(field);
        }
    }

    private static JsonObject ParseObject(string line, int number)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new CliException($"line {number}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new CliException($"line {number}: bad JSON ({JsonErrors.Describe(ex)})");
        }
    }

    private static async Task WriteAtomicallyAsync(string output, Func<StreamWriter, Task> write)
    {
        var temporary = output + ".partial";
        try
        {
            await using (var writer = new StreamWriter(temporary))
            {
                await write(writer);
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
