using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Privacy;
using ReportLens.Data;
using ReportLens.Data.Entities;
using static ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Reports;

/// <summary>The report list shared by the API and the web UI; each caller checks the page and writes its own audit.</summary>
public static class ReportQueries
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
    public const int PreviewLength = 120;

    /// <summary>Translated to SQL, so only the preview of the text leaves the database.</summary>
    public static readonly Expression<Func<Report, ReportSummary>> ToSummary = r => new ReportSummary(
        r.Id, r.AccessionNumber, r.ReportContent.Substring(0, PreviewLength), r.Modality, r.BodyPart, r.ExamDate, r.Language,
        r.Urgency, r.LastAnalysedAt, r.CreatedAt);

    private static ReportSummary Summary(Report r) => new(
        r.Id, r.AccessionNumber, r.ReportContent[..Math.Min(PreviewLength, r.ReportContent.Length)], r.Modality, r.BodyPart,
        r.ExamDate, r.Language, r.Urgency, r.LastAnalysedAt, r.CreatedAt);

    /// <summary>
    /// Live reports matching the filters, newest first; <paramref name="page"/> and <paramref name="pageSize"/> must be
    /// in range. With <paramref name="deidentify"/> each preview is cut from the de-identified text (an identifier is
    /// never cut in half and missed), the accession number left out and the exam date shifted.
    /// </summary>
    public static async Task<ReportPage> ListAsync(
        ReportLensDbContext db, ReportQuery query, int page, int pageSize, ReportDeidentification? deidentify, CancellationToken ct)
    {
        var reports = Filter(db.Reports.AsNoTracking().Where(r => !r.IsDeleted), query);
        var total = await reports.CountAsync(ct);
        var pageRows = reports.OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize);
        var rows = deidentify is null
            ? await pageRows.Select(ToSummary).ToListAsync(ct)
            : (await pageRows.ToListAsync(ct)).Select(r => Summary(deidentify.Apply(r, []).Report)).ToList();
        return new ReportPage(rows, total, page, pageSize);
    }

    private static IQueryable<Report> Filter(IQueryable<Report> reports, ReportQuery query)
    {
        if (Blank(query.Q) is { } text)
        {
            reports = reports.Where(r => r.ReportContent.Contains(text) || (r.AccessionNumber != null && r.AccessionNumber.Contains(text)));
        }

        if (Blank(query.Modality) is { } modality)
        {
            reports = reports.Where(r => r.Modality == modality);
        }

        if (Blank(query.BodyPart) is { } bodyPart)
        {
            reports = reports.Where(r => r.BodyPart == bodyPart);
        }

        if (query.DateFrom is { } from)
        {
            reports = reports.Where(r => r.ExamDate >= from);
        }

        if (query.DateTo is { } to)
        {
            reports = reports.Where(r => r.ExamDate <= to);
        }

        if (Blank(query.Urgency) is { } urgency)
        {
            reports = reports.Where(r => r.Urgency == urgency);
        }

        if (query.Analysed is { } analysed)
        {
            reports = analysed ? reports.Where(r => r.LastAnalysedAt != null) : reports.Where(r => r.LastAnalysedAt == null);
        }

        return reports;
    }
}
