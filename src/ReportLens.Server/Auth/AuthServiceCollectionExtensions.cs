using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Bearer tokens for the API, a cookie for the web UI; one scheme picks per request.</summary>
    public const string Scheme = "ReportLens";

    public static WebApplicationBuilder AddReportLensAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuthOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<AuthOptions>>(sp => sp.GetRequiredService<AuthOptionsSetup>());
        services.AddSingleton<IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<AuthOptionsSetup>());
        services.AddSingleton<TokenService>();
        services.AddScoped<UserSignIn>();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddMemoryCache();
        services.AddSingleton<UserStatusCache>();
        services.AddScoped<AdminBootstrapper>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents { OnTokenValidated = EnsureUserStillActiveAsync };
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "reportlens.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = EnsureCookieUserStillActiveAsync;
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => jwt.TokenValidationParameters = TokenService.ValidationParameters(auth.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.Admin, Roles.Senior, Roles.Radiologist))
            .AddPolicy(Policies.Adjudicate, p => p.RequireRole(Roles.Adjudicators))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    /// <summary>A token outlives a role change or a deactivation; the database has the last word on both.</summary>
    private static async Task EnsureUserStillActiveAsync(TokenValidatedContext context)
    {
        if (await RefreshUserAsync(context.Principal, context.HttpContext) == UserCheck.Inactive)
        {
            context.Fail("user no longer active");
        }
    }

    /// <summary>The UI's cookie, like a token, must not outlive a deactivation or keep an old role.</summary>
    private static async Task EnsureCookieUserStillActiveAsync(CookieValidatePrincipalContext context)
    {
        switch (await RefreshUserAsync(context.Principal, context.HttpContext))
        {
            case UserCheck.Inactive:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                break;
            case UserCheck.RoleChanged:
                context.ShouldRenew = true;
                break;
        }
    }

    /// <summary>Looks the principal's user up and, if their role changed since sign-in, swaps the role claim for the current one.</summary>
    private static async Task<UserCheck> RefreshUserAsync(ClaimsPrincipal? principal, HttpContext http)
    {
        if (principal?.UserId() is not { } id)
        {
            return UserCheck.Inactive;
        }

        var services = http.RequestServices;
        var user = await services.GetRequiredService<UserStatusCache>()
            .GetAsync(id, services.GetRequiredService<ReportLensDbContext>(), http.RequestAborted);
        if (user is not { IsActive: true })
        {
            return UserCheck.Inactive;
        }

        if (principal.Role() == user.Role || principal.Identity is not ClaimsIdentity identity)
        {
            return UserCheck.Unchanged;
        }

        foreach (var claim in identity.FindAll(TokenService.RoleClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(TokenService.RoleClaim, user.Role));
        return UserCheck.RoleChanged;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private enum UserCheck
    {
        Inactive,
        Unchanged,
        RoleChanged,
    }
}
