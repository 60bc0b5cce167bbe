using System.Text;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using ReportLens.Application.Fhir;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Fhir;

/// <summary>
/// Reads FHIR R4 DiagnosticReports (alone, in a Bundle, or a folder of such .json files): text from a text/plain
/// presentedForm, else conclusion, else the narrative; accession from identifier; modality and body part from
/// category/code codings; annotations from our own extension.
/// </summary>
public static partial class FhirReportReader
{
    public static async Task<List<ImportRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path) && Path.GetExtension(path).ToLowerInvariant() is ".ndjson" or ".jsonl")
        {
            return await ReadNdjsonAsync(path, cancellationToken);
        }

        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToList()
            : [path];
        var rows = new List<ImportRow>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            Resource resource;
            try
            {
                resource = FhirJson.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException
                or Hl7.Fhir.Serialization.DeserializationFailedException)
            {
                rows.Add(ImportRow.Bad(name, $"not a valid FHIR R4 JSON resource ({FirstLine(ex.Message)})"));
                continue;
            }

            rows.AddRange(ReadResource(resource, name));
        }

        return rows;
    }

    private static async Task<List<ImportRow>> ReadNdjsonAsync(string path, CancellationToken cancellationToken)
    {
        var rows = new List<ImportRow>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = $"line {number}";
            Resource resource;
            try
            {
                resource = FhirJson.Parse(line);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException
                or Hl7.Fhir.Serialization.DeserializationFailedException)
            {
                rows.Add(ImportRow.Bad(location, $"not a valid FHIR R4 JSON resource ({FirstLine(ex.Message)})"));
                continue;
            }

            // Like a Bundle's entries, other resource types on the way are passed over.
            if (resource is DiagnosticReport or Bundle)
            {
                rows.AddRange(ReadResource(resource, location));
            }
        }

        return rows;
    }

    private static IEnumerable<ImportRow> ReadResource(Resource resource, string name)
    {
        switch (resource)
        {
            case DiagnosticReport report:
                yield return ToRow(report, name);
                break;
            case Bundle bundle:
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    if (bundle.Entry[i].Resource is DiagnosticReport entry)
                    {
                        yield return ToRow(entry, $"{name} entry {i + 1}");
                    }
                }

                break;
            default:
                yield return ImportRow.Bad(name, $"expected a DiagnosticReport or a Bundle, found {resource.TypeName}");
                break;
        }
    }

    private static ImportRow ToRow(DiagnosticReport report, string location)
    {
        var text = PresentedText(report) ?? report.Conclusion ?? Narrative(report);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportRow.Bad(location, "no report text (presentedForm text/plain, conclusion or narrative)");
        }

        var imported = new ImportedReport
        {
            Text = text.Trim(),
            AccessionNumber = Accession(report),
            Modality = Code(report, FhirCodes.ModalitySystem) ?? Code(report, FhirCodes.Dicom),
            BodyPart = Code(report, FhirCodes.BodyPartSystem),
            ExamDate = ExamDate(report),
            Language = report.Language,
            Annotations = FhirAnnotationExtension.Read(report),
        };
        return ReportValidation.Check(imported) is { } error ? ImportRow.Bad(location, error) : ImportRow.Ok(location, imported);
    }

    private static string? PresentedText(DiagnosticReport report) =>
        report.PresentedForm
            .Where(a => a.Data is { Length: > 0 } && (a.ContentType ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            .Select(a => Encoding.UTF8.GetString(a.Data!))
            .FirstOrDefault();

    private static string? Narrative(DiagnosticReport report) =>
        report.Text?.Div is { } div ? System.Net.WebUtility.HtmlDecode(Tags().Replace(div, " ")).Trim() : null;

    private static string? Accession(DiagnosticReport report)
    {
        var identifiers = report.Identifier.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToList();
        var accession = identifiers.FirstOrDefault(i => i.System == FhirCodes.AccessionSystem)
            ?? identifiers.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "ACSN") == true)
            ?? identifiers.FirstOrDefault();
        return accession?.Value?.Trim();
    }

    private static string? Code(DiagnosticReport report, string system) =>
        report.Category.Append(report.Code)
            .Where(c => c is not null)
            .SelectMany(c => c.Coding)
            .FirstOrDefault(c => c.System == system && !string.IsNullOrWhiteSpace(c.Code))?.Code;

    private static DateOnly? ExamDate(DiagnosticReport report) =>
        report.Effective is FhirDateTime { Value: { Length: >= 10 } value } && DateOnly.TryParse(value[..10], out var date)
            ? date
            : null;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
