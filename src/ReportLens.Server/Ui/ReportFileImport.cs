using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Core.Interop;
using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Input;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Ui;

/// <summary>
/// Imports an uploaded file (JSONL, CSV with a header, or plain text with reports separated by a line "---"):
/// the good rows are stored, each bad row is reported with its line and reason (never its text).
/// </summary>
public sealed class ReportFileImport(IServiceScopeFactory scopes, IOptions<ReportOptions> options, TimeProvider time)
{
    public async Task<ImportSummary> ImportAsync(string fileName, string content, ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await ReadAsync(fileName, content, ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var errors = new List<ImportError>();
        var created = new List<Report>();
        var accessions = rows.Where(r => r.Report?.AccessionNumber is not null).Select(r => r.Report!.AccessionNumber!).ToList();
        var taken = (await db.Reports.Where(r => r.AccessionNumber != null && accessions.Contains(r.AccessionNumber))
            .Select(r => r.AccessionNumber!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            if (row.Report is not { } imported)
            {
                errors.Add(new ImportError(row.Location, row.Error ?? "unreadable"));
                continue;
            }

            if (imported.Text.Length > options.Value.MaxReportCharacters)
            {
                errors.Add(new ImportError(row.Location, $"report text is longer than {options.Value.MaxReportCharacters} characters"));
                continue;
            }

            if (UnsafeFields(imported) is { } unsafeField)
            {
                errors.Add(new ImportError(row.Location, unsafeField));
                continue;
            }

            if (imported.AccessionNumber is { } accession && !taken.Add(accession))
            {
                errors.Add(new ImportError(row.Location, $"accession number '{accession}' already exists"));
                continue;
            }

            var report = new Report
            {
                ReportContent = imported.Text,
                AccessionNumber = imported.AccessionNumber,
                Modality = imported.Modality,
                BodyPart = imported.BodyPart,
                ExamDate = imported.ExamDate,
                Language = Reports.ReportValidation.ResolveLanguage(imported.Language, imported.Text),
                ContentHash = ContentHash.Of(imported.Text),
                CreatedBy = user.UserId(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Reports.Add(report);
            created.Add(report);
        }

        await db.SaveChangesAsync(ct);
        foreach (var report in created)
        {
            audit.Stage(user, AuditActions.Create, report.Id, $"web import of {rows.Count} rows");
        }

        await db.SaveChangesAsync(ct);
        return new ImportSummary(rows.Count, created.Select(r => r.Id).ToList(), errors);
    }

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
