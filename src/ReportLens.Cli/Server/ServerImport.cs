using ReportLens.Cli.Import;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Server;

/// <summary>
/// Import through a running server: one POST per report. The API has no upsert, so this mode counts every
/// report as created and does not carry annotations; use the database mode for idempotent re-imports.
/// </summary>
public static class ServerImport
{
    public static async Task<ImportOutcome> ImportAsync(CliContext context, IReadOnlyList<ImportedReport> reports, CancellationToken cancellationToken)
    {
        using var client = ServerClient.From(context);
        var created = 0;
        foreach (var report in reports)
        {
            await client.PostAsync("api/v1/reports", new
            {
                report_content = report.Text,
                accession_number = report.AccessionNumber,
                modality = report.Modality,
                body_part = report.BodyPart,
                exam_date = report.ExamDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                language = report.Language,
            }, cancellationToken);
            created++;
        }

        return new ImportOutcome(created, 0, 0, 0);
    }
}
