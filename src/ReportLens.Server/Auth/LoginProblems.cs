using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportLens.Server.Auth;

/// <summary>The sign-in refusal while a username or client is locked: the same for known and unknown names.</summary>
public static class LoginProblems
{
    public static ProblemHttpResult Throttled(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: $"too many failed sign-ins for this account or from this address; try again in {seconds} s");
    }
}
