using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace ReportLens.Server.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Logging (LOG_FORMAT, LOG_LEVEL), the Prometheus registry with <see cref="ReportLensMetrics"/>, and
    /// OpenTelemetry tracing of the "ReportLens" source plus ASP.NET Core and HttpClient; traces leave the
    /// process only when OTEL_EXPORTER_OTLP_ENDPOINT is set. The host registers ProblemDetails (/metrics answers with them).
    /// </summary>
    public static WebApplicationBuilder AddReportLensObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ObservabilitySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        ConfigureLogging(builder.Logging, settings);

        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        builder.Services.AddSingleton(registry);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReportLensMetrics>();
        builder.Services.AddSingleton<ReportLensTelemetry>();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("reportlens", serviceVersion: typeof(ObservabilityExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ReportLensTelemetry.ActivitySourceName, ReportLensTelemetry.ActivitySourceName + ".*")
                    .AddSource("System.Net.Http", "Experimental.Microsoft.Extensions.AI")
                    .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsPlumbing(ctx.Request.Path));
                if (settings.OtlpEndpoint is not null)
                {
                    // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* settings.
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>
    /// Counts HTTP requests by route and status, and maps GET /metrics behind <see cref="MetricsAccess"/> (its own
    /// check, so the endpoint is exempt from the app's authorization fallback policy and rate limits).
    /// Call it right after <c>Build()</c> (or right after an explicit <c>UseRouting()</c>, which the route label
    /// needs), before middleware that can end a request, so those responses are counted too.
    /// </summary>
    public static WebApplication MapReportLensMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        // Created now, not at the first analysis, so a fresh instance already exports its zero counters.
        _ = app.Services.GetRequiredService<ReportLensMetrics>();
        app.UseHttpMetrics(o => o.SetMetricFactory(Metrics.WithCustomRegistry(registry)));
        app.UseReportLensRequestLog();
        app.MapGet("/metrics", MetricsEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, ObservabilitySettings settings)
    {
        if (settings.JsonLogs)
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }

        if (settings.MinimumLevel is { } level)
        {
            logging.Services.PostConfigure<LoggerFilterOptions>(options => ApplyLogLevel(options, level));
        }
    }

    /// <summary>
    /// LOG_LEVEL replaces the default level and is a floor for per-category levels from appsettings: LOG_LEVEL=error
    /// silences a "Microsoft.AspNetCore": "Warning" entry, LOG_LEVEL=debug does not make that category chatty.
    /// </summary>
    private static void ApplyLogLevel(LoggerFilterOptions options, LogLevel level)
    {
        options.MinLevel = level;
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var adjusted = rule.CategoryName is null ? level : (LogLevel)Math.Max((int)(rule.LogLevel ?? level), (int)level);
            if (rule.LogLevel != adjusted)
            {
                options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, adjusted, rule.Filter);
            }
        }
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health") || path.StartsWithSegments("/api/v1/health");
}
