using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportLens.Server.Errors;

/// <summary>RFC 9457 problem results (application/problem+json) with a title per status, in one place.</summary>
public static class Problems
{
    /// <summary>Extension carrying the seconds a client should wait; the exception handler also sends it as Retry-After.</summary>
    public const string RetryAfterExtension = "retry_after";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: detail);

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
