namespace ReportLens.Server.Errors;

/// <summary>
/// A <c>type</c> for every problem: ASP.NET Core fills it for the common statuses only, so 413, 429 and the like
/// would go out without one. Each points at the section of the RFC that defines the status.
/// </summary>
public static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status414UriTooLong => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        StatusCodes.Status429TooManyRequests => Security.TooManyRequests.Type,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
        _ => "about:blank",
    };
}
