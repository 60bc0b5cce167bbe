using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Backup;

/// <summary>Row counts and a content hash over the seeded rows (accession S-…), read in a stable order.</summary>
internal sealed record DatabaseSnapshot(int Reports, int Annotations, int AuditEntries, string Hash)
{
    public static async Task<DatabaseSnapshot> OfSeededRowsAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.AccessionNumber!.StartsWith("S-"))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.AccessionNumber, r.ReportContent, r.ContentHash, r.Modality, r.BodyPart, r.Language, r.CreatedAt, r.IsDeleted })
            .ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToHashSet();
        var annotations = (await db.Annotations.AsNoTracking()
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ReportId, a.AnnotationType, a.Engine, a.Status, a.ContentJson, a.ModelName, a.Confidence, a.CreatedAt })
            .ToListAsync(cancellationToken)).Where(a => ids.Contains(a.ReportId)).ToList();
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Detail!.StartsWith("seed "))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.At, a.Username, a.Role, a.Action, a.Detail, a.ClientAddress })
            .ToListAsync(cancellationToken);

        var text = new StringBuilder();
        foreach (var r in reports)
        {
            text.AppendLine(Invariant($"R|{r.Id}|{r.AccessionNumber}|{r.ReportContent}|{r.ContentHash}|{r.Modality}|{r.BodyPart}|{r.Language}|{r.CreatedAt.UtcTicks}|{r.IsDeleted}"));
        }

        foreach (var a in annotations)
        {
            text.AppendLine(Invariant($"A|{a.Id}|{a.ReportId}|{a.AnnotationType}|{a.Engine}|{a.Status}|{a.ContentJson}|{a.ModelName}|{a.Confidence:R}|{a.CreatedAt.UtcTicks}"));
        }

        foreach (var a in audits)
        {
            text.AppendLine(Invariant($"U|{a.Id}|{a.At.UtcTicks}|{a.Username}|{a.Role}|{a.Action}|{a.Detail}|{a.ClientAddress}"));
        }

        return new(reports.Count, annotations.Count, audits.Count,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
