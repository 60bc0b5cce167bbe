using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Export;

/// <summary>Reads the reports and succeeded annotations an export covers, report by report in id order.</summary>
public static class ExportQuery
{
    /// <summary>One row per annotation with its report, streamed: a JSONL or CSV export never holds the whole table.</summary>
    public static async IAsyncEnumerable<(Report Report, Annotation Annotation)> StreamRowsAsync(
        ReportLensDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Annotations(db, filter)
            .Join(Reports(db, filter), a => a.ReportId, r => r.Id, (a, r) => new { Report = r, Annotation = a })
            .OrderBy(x => x.Report.Id).ThenBy(x => x.Annotation.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return (row.Report, row.Annotation);
        }
    }

    /// <summary>Every report with its annotations (reports without any too, unless the filter is on annotations), for the FHIR bundle.</summary>
    public static async Task<List<(Report Report, List<Annotation> Annotations)>> LoadAsync(
        ReportLensDbContext db, ExportFilter filter, CancellationToken cancellationToken)
    {
        var byReport = (await Annotations(db, filter).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .GroupBy(a => a.ReportId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var loaded = await Reports(db, filter).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return loaded
            .Select(r => (r, byReport.TryGetValue(r.Id, out var list) ? list : []))
            .Where(x => x.Item2.Count > 0 || !filter.FiltersAnnotations)
            .ToList();
    }

    private static IQueryable<Report> Reports(ReportLensDbContext db, ExportFilter filter)
    {
        var reports = db.Reports.AsNoTracking().Where(r => !r.IsDeleted);
        return filter.ReportId is { } id ? reports.Where(r => r.Id == id) : reports;
    }

    private static IQueryable<Annotation> Annotations(ReportLensDbContext db, ExportFilter filter)
    {
        var reports = Reports(db, filter);
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

        return annotations;
    }
}
