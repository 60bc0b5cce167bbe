using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Reviews;
using ReportLens.Application.Reviews.Agreement;
using ReportLens.Application.Reviews.Double;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Reviews.Double;

/// <summary>Double review (assign two reviewers, finish, compare, adjudicate) and agreement between reviewers and engines.</summary>
public static class DoubleReviewApi
{
    public static IEndpointRouteBuilder MapDoubleReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reviews").WithTags("Reviews");
        group.MapPost("/assignments", AssignAsync).RequireAuthorization(Policies.Admin)
            .WithName("AssignDoubleReview").WithSummary("Assign annotations (or a report's) to two reviewers who review blind to each other");
        group.MapGet("/assignments", ListAsync).RequireAuthorization(Policies.Read)
            .WithName("ListDoubleReviews").WithSummary("Double reviews: all for admins and senior radiologists, one's own for reviewers");
        group.MapPost("/assignments/{annotationId:long}/finish", FinishAsync).RequireAuthorization(Policies.Write)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("FinishDoubleReview").WithSummary("Finish my review; when both agree on everything the review is settled");
        group.MapGet("/assignments/{annotationId:long}/comparison", CompareAsync).RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("CompareDoubleReview").WithSummary("Both reviewers' decisions side by side, once both have finished");
        group.MapPost("/assignments/{annotationId:long}/adjudication", AdjudicateAsync).RequireAuthorization(Policies.Adjudicate)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("AdjudicateDoubleReview").WithSummary("A third person settles the disputed items");
        group.MapGet("/agreement", AgreementAsync).RequireAuthorization(Policies.Read)
            .WithName("GetReviewAgreement").WithSummary("Cohen's κ and raw agreement between reviewers and between reviewers and engines");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<DoubleReviewSummary>>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        AssignmentRequest request, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct) =>
        ToResult(await doubleReviews.AssignAsync(request, http.ApiActor(), ct));

    internal static async Task<Ok<IReadOnlyList<DoubleReviewSummary>>> ListAsync(DoubleReviews doubleReviews, HttpContext http, CancellationToken ct)
    {
        var actor = http.ApiActor();
        return TypedResults.Ok(await doubleReviews.ListAsync(Roles.CanAdjudicate(actor.Role) ? null : actor.UserId ?? -1, null, ct));
    }

    internal static async Task<Results<Ok<DoubleReviewSummary>, ValidationProblem, ProblemHttpResult>> FinishAsync(
        long annotationId, DoubleReviews doubleReviews, HttpContext http, CancellationToken ct) =>
        ToResult(await doubleReviews.FinishAsync(annotationId, http.ApiActor(), ct));

    internal static async Task<Results<Ok<ReviewComparison>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        long annotationId, Adjudication adjudication, HttpContext http, CancellationToken ct) =>
        ToResult(await adjudication.CompareAsync(annotationId, http.ApiActor(), ct));

    internal static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> AdjudicateAsync(
        long annotationId, AdjudicationRequest request, Adjudication adjudication, HttpContext http, CancellationToken ct) =>
        ToResult(await adjudication.SettleAsync(annotationId, request, http.ApiActor(), ct));

    internal static async Task<Ok<AgreementResponse>> AgreementAsync(ReviewAgreement agreement, CancellationToken ct) =>
        TypedResults.Ok(await agreement.GetAsync(ct));

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToResult<T>(DoubleReviewOutcome<T> outcome) => outcome switch
    {
        { Ok: true } => TypedResults.Ok(outcome.Value!),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Status: StatusCodes.Status403Forbidden } => Problems.Forbidden(outcome.Detail!),
        { Status: StatusCodes.Status404NotFound } => Problems.NotFound(outcome.Detail!),
        _ => Problems.Conflict(outcome.Detail!),
    };
}
