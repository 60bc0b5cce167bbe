using System.Security.Claims;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Application.Import;
using ReportLens.Core.Interop;
using ReportLens.Server.Auth;
using ReportLens.Server.Input;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Ui;

/// <summary>
/// Imports an uploaded file (JSONL, CSV with a header, or plain text with reports separated by a line "---") through
/// the application's <see cref="ImportReports"/> (its duplicate policy, as for `reportlens import`): the good rows
/// are stored, each bad row is reported with its line and reason (never its text).
/// </summary>
public sealed class ReportFileImport(ImportReports import, IOptions<ReportOptions> options)
{
    public async Task<ImportSummary> ImportAsync(string fileName, string content, ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await ReadAsync(fileName, content, ct);
        var errors = new List<ImportError>();
        var good = new List<ImportedReport>();
        foreach (var row in ImportReports.Check(rows))
        {
            if (RowError(row) is { } error)
            {
                errors.Add(new ImportError(row.Location, error));
                continue;
            }

            good.Add(row.Report!);
        }

        var outcome = await import.RunAsync(good, user.ToActor(Door.Ui, null), ct);
        return new ImportSummary(rows.Count, outcome, errors);
    }

    /// <summary>The web door's own limits on top of the readers' checks: the server's text length and no control characters.</summary>
    private string? RowError(ImportRow row) => row.Report switch
    {
        null => row.Error ?? "unreadable",
        { } imported when imported.Text.Length > options.Value.MaxReportCharacters =>
            $"report text is longer than {options.Value.MaxReportCharacters} characters",
        { } imported => UnsafeFields(imported),
    };

    private static string? UnsafeFields(ImportedReport report) =>
        new (string Name, string? Value)[]
        {
            ("report text", report.Text), ("accession number", report.AccessionNumber), ("modality", report.Modality),
            ("body part", report.BodyPart), ("language", report.Language),
        }.Select(f => UnsafeText.Describe(f.Value) is { } where ? $"{f.Name} {UnsafeText.Message(where)}" : null).FirstOrDefault(e => e is not null);

    internal static async Task<List<ImportRow>> ReadAsync(string fileName, string content, CancellationToken ct)
    {
        var rows = new List<ImportRow>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (extension is ".jsonl" or ".ndjson")
            {
                await foreach (var row in JsonlReportReader.ReadAsync(new StringReader(content), ct))
                {
                    rows.Add(row);
                }
            }
            else if (extension is ".csv" or ".tsv")
            {
                var map = new CsvColumnMap { Delimiter = extension == ".tsv" ? '\t' : ',' };
                await foreach (var row in CsvReportReader.ReadAsync(new StringReader(content), map, ct))
                {
                    rows.Add(row);
                }
            }
            else
            {
                rows.AddRange(ReadPlainText(fileName, content));
            }
        }
        catch (FormatException ex)
        {
            rows.Add(ImportRow.Bad(fileName, ex.Message));
        }

        return rows;
    }

    private static IEnumerable<ImportRow> ReadPlainText(string fileName, string content)
    {
        var parts = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n---\n");
        for (var i = 0; i < parts.Length; i++)
        {
            var text = parts[i].Trim();
            var location = parts.Length == 1 ? fileName : $"{fileName} #{i + 1}";
            var report = new ImportedReport { Text = text };
            yield return Core.Interop.ReportValidation.Check(report) is { } error ? ImportRow.Bad(location, error) : ImportRow.Ok(location, report);
        }
    }
}
