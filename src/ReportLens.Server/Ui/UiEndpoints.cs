using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Ui;

/// <summary>
/// Plain form posts for signing in and out: a Blazor circuit cannot set cookies, so these run as ordinary
/// requests (antiforgery-checked) and redirect back to the pages.
/// </summary>
public static class UiEndpoints
{
    public const string CultureCookie = "reportlens.lang";

    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ui").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", (Delegate)LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapGet("/lang/{language}", SetLanguage).AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> LoginAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, UserSignIn signIn, LoginThrottle throttle, ReportLensDbContext db, AuditLog audit, CancellationToken ct)
    {
        var back = SafeLocal(returnUrl);
        var client = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(username, client) is { } wait)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, detail: "too many failed sign-ins: refused (web)", ct: ct);
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.LocalRedirect($"/login?error=throttled&returnUrl={Uri.EscapeDataString(back)}");
        }

        if (await signIn.VerifyAsync(username, password, ct) is not { } user)
        {
            throttle.Failed(username, client);
            await audit.WriteAsync(AuditActions.LoginFailed, detail: "invalid credentials (web)", ct: ct);
            return Results.LocalRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(back)}");
        }

        throttle.Succeeded(username);

        var principal = UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        audit.Stage(principal, AuditActions.Login, detail: $"user {user.Id} (web)");
        await db.SaveChangesAsync(ct);
        return Results.LocalRedirect(back);
    }

    // The antiforgery middleware validates form posts only and leaves the verdict to the endpoint; a body-less
    // cross-site POST has no verdict at all. Both are refused here.
    internal static async Task<IResult> LogoutAsync(HttpContext http)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "signing out needs the form's antiforgery token");
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    internal static IResult SetLanguage(string language, string? returnUrl, HttpContext http)
    {
        var culture = UiModule.Cultures.FirstOrDefault(c => c.Name.Equals(language, StringComparison.OrdinalIgnoreCase)) ?? UiModule.Cultures[0];
        http.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return Results.LocalRedirect(SafeLocal(returnUrl));
    }

    /// <summary>Only paths on this site: an absolute or protocol-relative return URL would be an open redirect.</summary>
    private static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/reports";
}
