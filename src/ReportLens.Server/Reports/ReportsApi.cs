using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Application.Fhir;
using ReportLens.Application.Privacy;
using ReportLens.Core.Annotations;
using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Read).IgnoreBlankQueryValues();
        group.MapGet("/", ListAsync).WithName("ListReports").WithSummary("List reports, filtered and paged (newest first)");
        group.MapGet("/{id:int}", GetAsync).WithName("GetReport").WithSummary("One report by id")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/fhir", FhirAsync).WithName("GetReportFhir")
            .WithSummary("The report and its latest annotations as a FHIR R4 Bundle (DiagnosticReport + Observations)")
            .Produces(StatusCodes.Status200OK, contentType: FhirContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateReport").WithSummary("Store a report")
            .RequireAuthorization(Policies.Write).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", UpdateAsync).WithName("UpdateReport").WithSummary("Change a report's text or fields")
            .RequireAuthorization(Policies.Write).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteReport").WithSummary("Delete a report (soft: kept for the audit trail)")
            .RequireAuthorization(Policies.Write).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ReportPage>, ValidationProblem>> ListAsync(
        [AsParameters] ReportQuery query, ReportLensDbContext db, AuditLog audit, ReportDeidentification privacy,
        HttpContext http, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? ReportQueries.DefaultPageSize;
        if (page < 1 || pageSize < 1 || pageSize > ReportQueries.MaxPageSize)
        {
            return Problems.Validation("page", $"page must be ≥ 1 and page_size between 1 and {ReportQueries.MaxPageSize}");
        }

        if (!string.IsNullOrWhiteSpace(query.Urgency) && ClassificationVocabulary.UrgencySeverity(query.Urgency.Trim()) < 0)
        {
            return Problems.Validation("urgency", $"urgency must be one of {string.Join(", ", ClassificationVocabulary.UrgencyScale)}");
        }

        var deidentified = privacy.Required(query.Deidentify ?? false, http.User.Role());
        var result = await ReportQueries.ListAsync(db, query, page, pageSize, deidentified ? privacy : null, ct);
        await audit.WriteManyAsync(AuditActions.List, result.Items.Select(r => r.Id), PrivacyAuditDetail.Of(null, deidentified), ct);
        return TypedResults.Ok(result);
    }

    /// <summary>With <c>?deidentify=true</c> (or for a viewer under <c>VIEWERS_SEE_DEIDENTIFIED</c>) the text is de-identified (docs/privacy.md).</summary>
    internal static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> GetAsync(
        int id, bool? deidentify, ReportLensDbContext db, AuditLog audit, ReportDeidentification privacy, HttpContext http, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        var deidentified = privacy.Required(deidentify ?? false, http.User.Role());
        await audit.WriteAsync(AuditActions.Read, id, PrivacyAuditDetail.Of(null, deidentified), ct);
        return TypedResults.Ok(deidentified
            ? ReportResponse.From(privacy.Apply(report, []).Report) with { Deidentified = true }
            : ReportResponse.From(report));
    }

    private const string FhirContentType = "application/fhir+json";

    internal static async Task<IResult> FhirAsync(
        int id, bool? deidentify, ReportFhirExport export, ReportDeidentification privacy, HttpContext http, CancellationToken ct)
    {
        var actor = http.ApiActor();
        if (await export.ForReportAsync(id, actor, privacy.Required(deidentify ?? false, http.User.Role()), ct) is not { } bundle)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        return Results.Stream(stream => FhirJson.SerializeAsync(stream, bundle, ct), FhirContentType);
    }

    internal static async Task<Results<Created<ReportResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateReportRequest request, ReportLensDbContext db, AuditLog audit, IOptions<ReportOptions> options,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (request.ReportContent.Length > options.Value.MaxReportCharacters)
        {
            return Problems.TooLarge($"report_content has {request.ReportContent.Length} characters; the limit is {options.Value.MaxReportCharacters}");
        }

        var accession = Normalize(request.AccessionNumber);
        if (accession is not null && await db.Reports.AnyAsync(r => r.AccessionNumber == accession, ct))
        {
            return Problems.Conflict($"a report with accession_number '{accession}' already exists");
        }

        var now = time.GetUtcNow();
        var report = new Report
        {
            ReportContent = request.ReportContent,
            AccessionNumber = accession,
            Modality = Normalize(request.Modality),
            BodyPart = Normalize(request.BodyPart),
            ExamDate = request.ExamDate,
            Language = ReportFieldChecks.ResolveLanguage(request.Language, request.ReportContent),
            ContentHash = ContentHash.Of(request.ReportContent),
            CreatedBy = http.User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.Create, report.Id, ct: ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", ReportResponse.From(report));
    }

    internal static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, UpdateReportRequest request, ReportLensDbContext db, AuditLog audit, IOptions<ReportOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        if (request.ReportContent?.Length > options.Value.MaxReportCharacters)
        {
            return Problems.TooLarge($"report_content has {request.ReportContent.Length} characters; the limit is {options.Value.MaxReportCharacters}");
        }

        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        var accession = Normalize(request.AccessionNumber);
        if (accession is not null && accession != report.AccessionNumber
            && await db.Reports.AnyAsync(r => r.AccessionNumber == accession, ct))
        {
            return Problems.Conflict($"a report with accession_number '{accession}' already exists");
        }

        if (request.ReportContent is { } text)
        {
            report.ReportContent = text;
            report.ContentHash = ContentHash.Of(text);
            report.Language = ReportFieldChecks.ResolveLanguage(request.Language, text);
        }
        else if (request.Language is { } language)
        {
            report.Language = ReportFieldChecks.ResolveLanguage(language, report.ReportContent);
        }

        report.AccessionNumber = accession ?? report.AccessionNumber;
        report.Modality = Normalize(request.Modality) ?? report.Modality;
        report.BodyPart = Normalize(request.BodyPart) ?? report.BodyPart;
        report.ExamDate = request.ExamDate ?? report.ExamDate;
        report.UpdatedAt = time.GetUtcNow();
        audit.Stage(AuditActions.Update, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportResponse.From(report));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, ReportLensDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        report.IsDeleted = true;
        report.DeletedAt = time.GetUtcNow();
        audit.Stage(AuditActions.Delete, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
