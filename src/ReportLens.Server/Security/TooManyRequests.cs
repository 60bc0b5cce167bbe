using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportLens.Server.Security;

/// <summary>The one shape of a 429: ProblemDetails with a <c>type</c>, and Retry-After in whole seconds.</summary>
public static class TooManyRequests
{
    public const string Type = "https://tools.ietf.org/html/rfc6585#section-4";

    public static ProblemHttpResult Problem(HttpContext http, string detail, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail, type: Type);
    }
}
