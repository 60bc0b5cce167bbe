using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Application.Analysis;
using ReportLens.Application.Privacy;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Analysis;

public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/api/v1/ai").WithTags("AI Analysis").RequireAuthorization(Policies.Write);
        var limited = ai.MapGroup("").RequireRateLimiting(Security.SecurityExtensions.AnalysisPolicy);
        limited.MapPost("/analyze", AnalyzeAsync).WithName("AnalyzeReport").WithSummary("Analyse a stored report and record the annotation")
            .ProducesLlmProblems();
        limited.MapPost("/analyze-text", AnalyzeTextAsync).WithName("AnalyzeText").WithSummary("Analyse a text without storing it")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesLlmProblems();
        app.MapGet("/api/v1/reports/{id:int}/annotations", ListAnnotationsAsync)
            .WithTags("Reports").RequireAuthorization(Policies.Read)
            .WithName("ListReportAnnotations").WithSummary("A report's annotations, newest first").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/annotations/{id:long}", GetAnnotationAsync).WithTags("Reports").RequireAuthorization(Policies.Read)
            .WithName("GetAnnotation").WithSummary("One annotation by id")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<AnnotationResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeAsync(
        AnalyzeRequest request, AnalyseAndRecord analyses, HttpContext http, CancellationToken ct)
    {
        var parsed = AnalysisOptionsParser.Check(request);
        if (parsed.Errors.Count > 0 || request.ReportId is not { } reportId)
        {
            return TypedResults.ValidationProblem(parsed.Errors);
        }

        var stored = await analyses.RunAsync(reportId, parsed.ToRequest(request), http.ApiActor(), step: null, ct);
        return stored switch
        {
            null => Problems.NotFound($"no report with id {request.ReportId}"),
            { Status: AnnotationStatus.Failed } => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Model reply did not match the schema",
                detail: stored.ErrorReason, extensions: new Dictionary<string, object?> { ["annotation_id"] = stored.Id }),
            _ => TypedResults.Ok(AnnotationResponse.From(stored)),
        };
    }

    internal static async Task<Results<Ok<AnnotationResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeTextAsync(
        AnalyzeTextRequest request, AnalysisService analysis, AuditLog audit, IOptions<ReportOptions> options,
        HttpContext http, CancellationToken ct)
    {
        if (request.ReportContent.Length > options.Value.MaxReportCharacters)
        {
            return Problems.TooLarge($"report_content has {request.ReportContent.Length} characters; the limit is {options.Value.MaxReportCharacters}");
        }

        var parsed = AnalysisOptionsParser.Check(request);
        if (parsed.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(parsed.Errors);
        }

        LanguageDetector.TryParse(ReportFieldChecks.ResolveLanguage(request.Language, request.ReportContent), out var language);
        var analysed = new AnalysisRequest(request.ReportContent, language, parsed.Type, parsed.UserPrompt, parsed.Engine,
            request.Model?.Trim(), request.Temperature, BypassCache: parsed.BypassCache);
        var outcome = await analysis.RunAsync(analysed, ct);
        await audit.WriteAsync(AuditActions.Analyze, detail: "unstored text: " + AnalysisAuditDetail.Of(analysed.Type, outcome), ct: ct);
        var transient = analysis.ToAnnotation(analysed, outcome, http.User.UserId());
        return TypedResults.Ok(AnnotationResponse.From(transient) with { AnnotationId = null, ReportId = null });
    }

    /// <summary>Largest page of GET /api/v1/reports/{id}/annotations; the total is in <c>X-Total-Count</c>.</summary>
    public const int MaxAnnotationPage = 100;

    internal static async Task<Results<Ok<List<AnnotationResponse>>, ValidationProblem, ProblemHttpResult>> ListAnnotationsAsync(
        int id, int? offset, int? limit, bool? deidentify, ReportLensDbContext db, AuditLog audit, ReportDeidentification privacy,
        HttpContext http, CancellationToken ct)
    {
        if (offset is < 0)
        {
            return Problems.Validation("offset", "offset must be 0 or more");
        }

        if (limit is < 1 or > MaxAnnotationPage)
        {
            return Problems.Validation("limit", $"limit must be between 1 and {MaxAnnotationPage}");
        }

        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && !r.IsDeleted, ct);
        if (report is null)
        {
            return Problems.NotFound($"no report with id {id}");
        }

        var all = db.Annotations.AsNoTracking().Where(a => a.ReportId == id);
        http.Response.Headers["X-Total-Count"] = (await all.CountAsync(ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var annotations = await all.OrderByDescending(a => a.Id).Skip(offset ?? 0).Take(limit ?? MaxAnnotationPage).ToListAsync(ct);
        var deidentified = privacy.Required(deidentify ?? false, http.User.Role());
        if (deidentified)
        {
            annotations = privacy.Apply(report, annotations).Annotations;
        }

        await audit.WriteAsync(AuditActions.Read, id, PrivacyAuditDetail.Of("annotations", deidentified), ct);
        return TypedResults.Ok(annotations.Select(AnnotationResponse.From).ToList());
    }

    internal static async Task<Results<Ok<AnnotationResponse>, ProblemHttpResult>> GetAnnotationAsync(
        long id, bool? deidentify, ReportLensDbContext db, AuditLog audit, ReportDeidentification privacy, HttpContext http, CancellationToken ct)
    {
        var annotation = await db.Annotations.AsNoTracking().Include(a => a.Report)
            .SingleOrDefaultAsync(a => a.Id == id && !a.Report!.IsDeleted, ct);
        if (annotation is null)
        {
            return Problems.NotFound($"no annotation with id {id}");
        }

        var deidentified = privacy.Required(deidentify ?? false, http.User.Role());
        await audit.WriteAsync(AuditActions.Read, annotation.ReportId, PrivacyAuditDetail.Of("annotation", deidentified), ct);
        return TypedResults.Ok(AnnotationResponse.From(
            deidentified ? privacy.Apply(annotation.Report!, [annotation]).Annotations[0] : annotation));
    }
}
