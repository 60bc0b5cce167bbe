using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Export;

/// <summary>Loads the reports and succeeded annotations an export covers, report by report in id order.</summary>
public static class ExportQuery
{
    public static async Task<List<(Report Report, List<Annotation> Annotations)>> LoadAsync(
        ReportLensDbContext db, ExportFilter filter, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(r => !r.IsDeleted);
        if (filter.ReportId is { } id)
        {
            reports = reports.Where(r => r.Id == id);
        }

        var annotations = db.Annotations.AsNoTracking().Where(a => a.Status == AnnotationStatus.Succeeded && reports.Any(r => r.Id == a.ReportId));
        if (filter.Type is { } type)
        {
            annotations = annotations.Where(a => a.AnnotationType == type);
        }

        if (filter.Since is { } since)
        {
            var from = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            annotations = annotations.Where(a => a.CreatedAt >= from);
        }

        var byReport = (await annotations.OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .GroupBy(a => a.ReportId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var loaded = await reports.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return loaded
            .Select(r => (r, byReport.TryGetValue(r.Id, out var list) ? list : []))
            .Where(x => x.Item2.Count > 0 || !filter.FiltersAnnotations)
            .ToList();
    }
}
