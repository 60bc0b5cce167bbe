using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Security;

/// <summary>Per-user rate limits on analysis, security headers on every response, CORS only when configured.</summary>
public static class SecurityExtensions
{
    public const string AnalysisPolicy = "analysis";
    public const string CorsPolicy = "configured-origins";

    public static WebApplicationBuilder AddReportLensSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BatchQuotaOptions>().BindConfiguration(BatchQuotaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BatchQuota>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                TimeSpan? wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : null;
                await TooManyRequests.Problem(context.HttpContext,
                    "the analysis rate limit for your account was reached (RATE_LIMIT_PER_MINUTE); try again shortly", wait)
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(AnalysisPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimitPerMinute;
                var user = context.User.UserId()?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return limit <= 0
                    ? RateLimitPartition.GetNoLimiter(user)
                    : RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
        {
            var origins = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.Origins ?? [];
            if (origins.Count > 0)
            {
                policy.WithOrigins([.. origins]).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        return builder;
    }

    public static WebApplication UseReportLensSecurity(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // Reports are patient data: never cached by browsers or proxies.
                headers.CacheControl = "no-store";
            }

            await next();
        });
        app.UseCors(CorsPolicy);
        return app;
    }
}
