using ReportLens.Application.Audit;

namespace ReportLens.Server.Auth;

public static class HttpContextActorExtensions
{
    /// <summary>The caller of an API request, as the application layer names callers.</summary>
    public static Actor ApiActor(this HttpContext http) =>
        http.User.ToActor(Door.Api, http.Connection.RemoteIpAddress?.ToString());
}
