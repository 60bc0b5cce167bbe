using ReportLens.Application.Reviews;
using ReportLens.Application.Reviews.Double;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reviews.Double;
using ReportLens.Server.Reviews.Queue;

namespace ReportLens.Server.Reviews;

public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/annotations/{id:long}/review", ReviewAsync).WithTags("Reviews").RequireAuthorization(Policies.Write)
            .WithName("ReviewAnnotation").WithSummary("Accept, correct or reject an annotation").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/v1/annotations/{id:long}/review", GetAsync).WithTags("Reviews").RequireAuthorization(Policies.Read)
            .WithName("GetAnnotationReview").WithSummary("An annotation's review").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/reviews/stats", StatsAsync).WithTags("Reviews").RequireAuthorization(Policies.Read)
            .WithName("GetReviewStats").WithSummary("Review outcomes per engine, type and model");
        app.MapReviewAdditionsApi();
        app.MapDoubleReviewApi();
        app.MapReviewQueueApi();
        return app;
    }

    internal static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        long id, ReviewRequest request, ReportLensDbContext db, ReviewService reviews, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct)
    {
        var (annotation, problem) = await ReviewableAsync(db, id, ct);
        if (annotation is null)
        {
            return problem!;
        }

        var slot = await doubleReviews.SlotAsync(id, http.ApiActor(), ct);
        if (slot.Refused)
        {
            return Refusal(slot);
        }

        var errors = ReviewChecks.Decisions(annotation, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await reviews.ApplyAsync(annotation, request, http.ApiActor(), ct, slot));
    }

    internal static ProblemHttpResult Refusal(ReviewSlot slot) =>
        slot.RefusalStatus == StatusCodes.Status403Forbidden ? Problems.Forbidden(slot.Refusal!) : Problems.Conflict(slot.Refusal!);

    /// <summary>The annotation to review, with its report; or the 404 or 409 problem.</summary>
    internal static async Task<(Annotation? Annotation, ProblemHttpResult? Problem)> ReviewableAsync(ReportLensDbContext db, long id, CancellationToken ct)
    {
        var annotation = await db.Annotations.Include(a => a.Report).SingleOrDefaultAsync(a => a.Id == id, ct);
        return annotation is null ? (null, Problems.NotFound($"no annotation with id {id}"))
            : annotation.Status != AnnotationStatus.Succeeded ? (null, Problems.Conflict($"annotation {id} failed; there is nothing to review"))
            : (annotation, null);
    }

    /// <summary>The caller's own record while they double-review the annotation, else the settled review (never the other reviewer's).</summary>
    internal static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> GetAsync(
        long id, ReportLensDbContext db, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct)
    {
        var annotation = await db.Annotations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (annotation is null)
        {
            return Problems.NotFound($"no annotation with id {id}");
        }

        var views = await doubleReviews.ViewsAsync([annotation], http.ApiActor().UserId, ct);
        return TypedResults.Ok(views[id].Review);
    }

    internal static async Task<Results<Ok<ReviewStatsResponse>, ValidationProblem>> StatsAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "annotation_type")] string? annotationType, ReviewService reviews, CancellationToken ct)
    {
        if (annotationType is null)
        {
            return TypedResults.Ok(await reviews.StatsAsync(null, ct));
        }

        if (!AnnotationTypes.TryParse(annotationType, out var type))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["annotation_type"] = [$"annotation_type must be one of {string.Join(", ", AnnotationTypes.WireNames)}"],
            });
        }

        return TypedResults.Ok(await reviews.StatsAsync(type, ct));
    }
}
