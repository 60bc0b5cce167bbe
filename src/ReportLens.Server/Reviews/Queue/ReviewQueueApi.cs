using ReportLens.Application.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Core.Annotations;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Reviews.Queue;

public static class ReviewQueueApi
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapReviewQueueApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reviews/queue", GetAsync).WithTags("Reviews").RequireAuthorization(Policies.Read)
            .WithName("GetReviewQueue").WithSummary("Annotations waiting for review, most needed first, with the queue's progress");
        return app;
    }

    internal static async Task<Results<Ok<ReviewQueueResponse>, ValidationProblem>> GetAsync(
        [FromQuery] string? modality, [FromQuery] string? engine, [FromQuery] string? model,
        [FromQuery(Name = "prompt_version")] string? promptVersion, ReviewQueue queue,
        [FromQuery] int offset = 0, [FromQuery] int limit = 50, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var engines = Enum.GetNames<EngineKind>().Select(n => n.ToLowerInvariant()).ToList();
        if (Blank(engine) is { } e && !engines.Contains(e))
        {
            errors["engine"] = [$"engine must be one of {string.Join(", ", engines)}"];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}"];
        }

        if (offset < 0)
        {
            errors["offset"] = ["offset must be 0 or more"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = new ReviewQueueFilter(Blank(modality), Blank(engine), Blank(model), Blank(promptVersion));
        return TypedResults.Ok(await queue.GetAsync(filter, offset, limit, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
