using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Privacy;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Reports;

/// <summary>Every text a report has had, oldest first, the current one last: for the API and the report view.</summary>
public static class ReportVersionQueries
{
    public static async Task<List<ReportVersionResponse>> ListAsync(ReportLensDbContext db, Report report, CancellationToken ct)
    {
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id).OrderBy(v => v.Version)
            .Select(v => new ReportVersionResponse(v.Version, v.ReportContent, v.ContentHash, v.Modality, v.BodyPart, v.ExamDate,
                v.StoredAt, v.SupersededAt, v.SupersededBy))
            .ToListAsync(ct);
        versions.Add(new ReportVersionResponse(versions.Count + 1, report.ReportContent, report.ContentHash, report.Modality,
            report.BodyPart, report.ExamDate, report.UpdatedAt, null, null));
        return versions;
    }

    /// <summary>
    /// Each version is a text of its own: its own placeholders and date shift; the content hash would confirm a guess.
    /// </summary>
    public static List<ReportVersionResponse> Deidentified(IEnumerable<ReportVersionResponse> versions, ReportDeidentification privacy) =>
        [.. versions.Select(version =>
        {
            var (report, _) = privacy.Apply(
                new Report { ReportContent = version.ReportContent, Language = "", ContentHash = "", ExamDate = version.ExamDate }, []);
            return version with { ReportContent = report.ReportContent, ContentHash = "", ExamDate = report.ExamDate };
        })];
}
