using ReportLens.Application.Reviews;
using ReportLens.Application.Reviews.Double;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Data;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Reviews;

/// <summary>Items a reviewer adds from a selection of the report (an engine missed them), and their removal.</summary>
public static class ReviewAdditionsApi
{
    public static IEndpointRouteBuilder MapReviewAdditionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/annotations/{id:long}/review/additions").WithTags("Reviews").RequireAuthorization(Policies.Write);
        group.MapPost("", AddAsync).WithName("AddReviewItem").WithSummary("Add a missed item from a selection of the report")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{additionId:int}", RemoveAsync).WithName("RemoveReviewItem").WithSummary("Remove an item a reviewer added")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        long id, ReviewAdditionRequest request, ReportLensDbContext db, ReviewService reviews, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct)
    {
        var (annotation, problem) = await ReviewsApi.ReviewableAsync(db, id, ct);
        if (annotation is null)
        {
            return problem!;
        }

        var slot = await doubleReviews.SlotAsync(id, http.ApiActor(), ct);
        if (slot.Refused)
        {
            return ReviewsApi.Refusal(slot);
        }

        var current = slot.Assignment is { } mine ? ReviewService.Read(mine) : null;
        var errors = ReviewChecks.Addition(annotation, annotation.Report!.ReportContent, request, out var codePoints, current);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await reviews.AddAsync(annotation, request, codePoints, http.ApiActor(), ct, slot));
    }

    internal static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> RemoveAsync(
        long id, int additionId, ReportLensDbContext db, ReviewService reviews, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct)
    {
        var (annotation, problem) = await ReviewsApi.ReviewableAsync(db, id, ct);
        if (annotation is null)
        {
            return problem!;
        }

        var slot = await doubleReviews.SlotAsync(id, http.ApiActor(), ct);
        if (slot.Refused)
        {
            return ReviewsApi.Refusal(slot);
        }

        return await reviews.RemoveAddedAsync(annotation, additionId, http.ApiActor(), ct, slot) is { } response
            ? TypedResults.Ok(response)
            : Problems.NotFound($"annotation {id} has no added item {additionId}");
    }
}
