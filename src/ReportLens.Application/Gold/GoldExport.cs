using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Evaluation;
using ReportLens.Data;

namespace ReportLens.Application.Gold;

/// <summary>
/// "Reviewed → gold": the settled reviews as gold records (docs/gold-format.md#gold-export), ready for
/// <c>reportlens eval --gold</c>. The CLI's <c>gold export</c> and <c>GET /api/v1/gold/export</c> call this; every
/// report in the file gets an export audit record, marked de-identified when it was.
/// </summary>
public sealed class GoldExport(IDbContextFactory<ReportLensDbContext> databases, TimeProvider time)
{
    public const string AuditDetail = "gold export";

    public async Task<GoldExportResult> ExportAsync(GoldExportOptions options, Actor actor, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var result = await BuildAsync(db, options, ct);
        AuditEntries.StageMany(db, actor, AuditActions.Export, result.ReportIds, PrivacyAuditDetail.Of(AuditDetail, options.Deidentify), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The records without an audit record: for figures computed on the server that leave no text.</summary>
    internal static async Task<GoldExportResult> BuildAsync(ReportLensDbContext db, GoldExportOptions options, CancellationToken ct)
    {
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var reports = await SettledReviews.LoadAsync(db, options, skipped, ct);
        // One de-identifier for the whole file: an identifier gets the same surrogate in every record.
        var deidentifier = options.Deidentify ? new Deidentifier() : null;
        var records = new List<GoldReport>();
        var reportIds = new List<int>();
        foreach (var (report, annotations) in reports)
        {
            var draft = new GoldDraft();
            foreach (var settled in annotations)
            {
                if (GoldParts.Of(report.ReportContent, settled, out var problem) is { } part)
                {
                    draft.Merge(part);
                }
                else
                {
                    Count(skipped, problem!);
                }
            }

            if (draft.Reviewed.Count == 0)
            {
                continue;
            }

            var id = $"report-{report.Id}";
            var record = deidentifier?.Deidentify(report.ReportContent, cancellationToken: ct) is { } deid
                ? draft.ToRecord(id, report.Language, deid.Text, deid.ToDeidentified, deid.Conceal)
                : draft.ToRecord(id, report.Language, report.ReportContent, (start, end) => (start, end), text => text);
            if (!GoldJsonl.PassesGoldCheck(record))
            {
                Count(skipped, GoldSkipReasons.FailedGoldCheck);
                continue;
            }

            records.Add(record);
            reportIds.Add(report.Id);
        }

        return new GoldExportResult(records, reportIds, new GoldExportSummary(records.Count, ItemsOf(records), skipped, options.Deidentify));
    }

    private static Dictionary<string, int> ItemsOf(List<GoldReport> records) => new(StringComparer.Ordinal)
    {
        ["findings"] = records.Sum(r => r.Findings.Count),
        ["measurements"] = records.Sum(r => r.Measurements.Count),
        ["locations"] = records.Sum(r => r.Locations.Count),
        ["impressions"] = records.Count(r => r.Impression is not null),
        ["classifications"] = records.Count(r => r.Covers(Core.Annotations.AnnotationType.Classification) && r.Urgency.Length > 0),
        ["scores"] = records.Sum(r => r.Scores?.Count ?? 0),
    };

    private static void Count(Dictionary<string, int> skipped, string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
}
