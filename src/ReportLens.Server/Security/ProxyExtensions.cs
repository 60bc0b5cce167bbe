using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ReportLens.Server.Security;

/// <summary>
/// Life behind nginx: the client's address and scheme from X-Forwarded-For/-Proto (only from known proxies),
/// Secure cookies whenever the client came over HTTPS, HSTS, a CSP for the UI and relative redirects.
/// </summary>
public static class ProxyExtensions
{
    public static WebApplicationBuilder AddReportLensProxy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // The Host header is nginx's own (proxy_set_header Host $host); X-Forwarded-Host is never trusted.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            var (proxies, networks) = (proxy.Value.ParseProxies(), proxy.Value.ParseNetworks());
            if (proxies.Count + networks.Count > 0)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in proxies)
                {
                    forwarded.KnownProxies.Add(address);
                }

                foreach (var network in networks)
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it (audit, cookies, redirects, rate limits) sees the real client.</summary>
    public static WebApplication UseReportLensProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var proxy = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        var hsts = proxy.Hsts && !app.Environment.IsDevelopment()
            ? $"max-age={proxy.HstsMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            if (hsts is not null && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = hsts;
            }

            context.Response.OnStarting(() =>
            {
                // Set last, replacing the "frame-ancestors 'self'" policy Blazor adds to interactive pages: one
                // policy, and the stricter one.
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy.Value;
                }

                RelativeRedirects.OnStarting(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }
}
