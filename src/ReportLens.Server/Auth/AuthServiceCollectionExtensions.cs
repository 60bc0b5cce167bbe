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
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<TokenService>();
        services.AddScoped<UserSignIn>();
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
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Admin, Roles.Radiologist, Roles.Viewer))
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.Admin, Roles.Radiologist))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    /// <summary>A token outlives a role change or a deactivation; the database has the last word on both.</summary>
    private static async Task EnsureUserStillActiveAsync(TokenValidatedContext context)
    {
        var id = context.Principal?.UserId();
        var services = context.HttpContext.RequestServices;
        var user = id is null ? null : await services.GetRequiredService<UserStatusCache>()
            .GetAsync(id.Value, services.GetRequiredService<ReportLensDbContext>(), context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive)
        {
            context.Fail("user no longer active");
            return;
        }

        if (context.Principal!.Role() != user.Role && context.Principal!.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in identity.FindAll(TokenService.RoleClaim).ToList())
            {
                identity.RemoveClaim(claim);
            }

            identity.AddClaim(new Claim(TokenService.RoleClaim, user.Role));
        }
    }

    /// <summary>The UI's cookie, like a token, must not outlive a deactivation or keep an old role.</summary>
    private static async Task EnsureCookieUserStillActiveAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.UserId();
        var services = context.HttpContext.RequestServices;
        var user = id is null ? null : await services.GetRequiredService<UserStatusCache>()
            .GetAsync(id.Value, services.GetRequiredService<ReportLensDbContext>(), context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (context.Principal!.Role() != user.Role && context.Principal!.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in identity.FindAll(TokenService.RoleClaim).ToList())
            {
                identity.RemoveClaim(claim);
            }

            identity.AddClaim(new Claim(TokenService.RoleClaim, user.Role));
            context.ShouldRenew = true;
        }
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
}
