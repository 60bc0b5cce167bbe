using ReportLens.Application.Import;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Server;

/// <summary>
/// Import through a running server: one POST per report. The API has no upsert: a report whose accession number the
/// server already holds is answered 409 Conflict and counted as unchanged (left as stored), so re-importing a file
/// is safe. Annotations are not carried; use the database mode to update changed reports.
/// </summary>
public static class ServerImport
{
    public static async Task<ImportOutcome> ImportAsync(CliContext context, IReadOnlyList<ImportedReport> reports, CancellationToken cancellationToken)
    {
        using var client = ServerClient.From(context);
        int created = 0, unchanged = 0;
        foreach (var report in reports)
        {
            var isNew = await client.TryCreateAsync("api/v1/reports", new
            {
                report_content = report.Text,
                accession_number = report.AccessionNumber,
                modality = report.Modality,
                body_part = report.BodyPart,
                exam_date = report.ExamDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                language = report.Language,
            }, cancellationToken);
            if (isNew)
            {
                created++;
            }
            else
            {
                unchanged++;
            }
        }

        return new ImportOutcome(created, 0, unchanged, 0);
    }
}
