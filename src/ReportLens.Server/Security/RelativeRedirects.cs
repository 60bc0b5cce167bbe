using Microsoft.Extensions.Primitives;

namespace ReportLens.Server.Security;

/// <summary>
/// Redirects to this site are sent as relative paths: an absolute Location is built from the request's Host
/// header, which a client chooses, so <c>Host: evil.example</c> would otherwise send a user to another site.
/// </summary>
public static class RelativeRedirects
{
    /// <summary>Blazor's redirect for enhanced navigation (a fetch), which it answers with 200 and this header.</summary>
    public const string EnhancedNavigationHeader = "blazor-enhanced-nav-redirect-location";

    public static void OnStarting(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Response.StatusCode is >= 300 and < 400)
        {
            headers.Location = Relative(headers.Location, context.Request.Host);
        }

        if (headers.ContainsKey(EnhancedNavigationHeader))
        {
            headers[EnhancedNavigationHeader] = Relative(headers[EnhancedNavigationHeader], context.Request.Host);
        }
    }

    private static StringValues Relative(StringValues value, HostString host) =>
        Uri.TryCreate(value.ToString(), UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
            && string.Equals(target.Host, host.Host, StringComparison.OrdinalIgnoreCase)
            ? target.PathAndQuery + target.Fragment
            : value;
}
