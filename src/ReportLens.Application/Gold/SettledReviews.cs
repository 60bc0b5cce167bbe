using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Gold;

/// <summary>
/// The settled reviews of the database, per report: a review is settled when every item of the annotation has a
/// decision (a single review done to the end, or a double review whose adjudication wrote the record). Of several
/// settled annotations of one type on one report, the last reviewed is the truth.
/// </summary>
public static class SettledReviews
{
    public static bool IsSettled(Annotation annotation, ReviewRecord review) =>
        ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson).All(item => review.Items.ContainsKey(item.Key));

    /// <summary>Per report (in id order), its settled annotations, one per type; <paramref name="skipped"/> counts what was left out and why.</summary>
    public static async Task<IReadOnlyList<(Report Report, IReadOnlyList<SettledAnnotation> Annotations)>> LoadAsync(
        ReportLensDbContext db, GoldExportOptions options, Dictionary<string, int> skipped, CancellationToken ct)
    {
        // Dates are compared here, not in SQL: SQLite cannot compare DateTimeOffset columns.
        var reviewed = await db.Annotations.AsNoTracking().Include(a => a.Report)
            .Where(a => a.ReviewJson != null && a.Status == AnnotationStatus.Succeeded && !a.Report!.IsDeleted)
            .OrderBy(a => a.ReportId).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var since = options.Since is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var reports = new List<(Report, IReadOnlyList<SettledAnnotation>)>();
        foreach (var group in reviewed.Where(a => since is null || a.ReviewedAt >= since).GroupBy(a => a.ReportId))
        {
            var settled = new List<SettledAnnotation>();
            foreach (var annotation in group)
            {
                var review = ReviewService.Read(annotation);
                var reason = !IsSettled(annotation, review) ? GoldSkipReasons.PartiallyReviewed
                    : options.AdjudicatedOnly && !review.IsAdjudicated ? GoldSkipReasons.NotAdjudicated
                    : null;
                if (reason is null)
                {
                    settled.Add(new SettledAnnotation(annotation, review));
                }
                else
                {
                    skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                }
            }

            var latest = settled.GroupBy(s => s.Annotation.AnnotationType)
                .Select(g => g.MaxBy(s => (s.Annotation.ReviewedAt, s.Annotation.Id))!)
                .OrderBy(s => s.Annotation.AnnotationType)
                .ToList();
            if (latest.Count > 0)
            {
                reports.Add((group.First().Report!, latest));
            }
        }

        return reports;
    }
}
