using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Jobs;
using ReportLens.Application;
using ReportLens.Application.Analysis;
using ReportLens.Application.Configuration;
using ReportLens.Server.Analysis;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Configuration;
using ReportLens.Server.CriticalFindings;
using ReportLens.Server.Database;
using ReportLens.Server.Errors;
using ReportLens.Server.Gold;
using ReportLens.Server.Evaluation;
using ReportLens.Server.Health;
using ReportLens.Server.Hl7;
using ReportLens.Server.Input;
using ReportLens.Server.Jobs;
using ReportLens.Server.Observability;
using ReportLens.Server.Prompts;
using ReportLens.Server.Reports;
using ReportLens.Application.Reviews;
using ReportLens.Server.Reviews;
using ReportLens.Server.Reviews.Queue;
using ReportLens.Server.Security;
using ReportLens.Server.Ui;
using ReportLens.Server.Usage;

namespace ReportLens.Server;

/// <summary>The table of contents of the server: every module's wiring, in order.</summary>
public static class ServerModule
{
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    public static WebApplicationBuilder AddReportLens(this WebApplicationBuilder builder)
    {
        AppSettingsFiles.UseInstalledWhenMissing(builder);
        SeedEnvironment.Apply(builder);
        builder.AddReportLensObservability();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddReportLensShutdown();
        services.AddHttpContextAccessor();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Type ??= ProblemTypes.For(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode);
            c.ProblemDetails.Extensions["trace_id"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier;
        });
        // Request records' attributes are checked before handlers run; ReportLensJson's DictionaryKeyPolicy writes the
        // errors' keys (C# member paths such as Filter.DateFrom) as the JSON names clients send (filter.date_from).
        services.AddValidation();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ReportLensJson.Apply(o.SerializerOptions));
        services.AddReportLensInputGuard();
        services.AddOpenApi(o => o.AddSchemaTransformer<AnalysisOptionsSchemaTransformer>());

        services.AddReportLensData(EnvironmentNames.Database(builder.Configuration));
        builder.AddReportLensAuth();
        builder.AddReportLensSecurity();
        builder.AddReportLensProxy();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<AuditLog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<ServerLockHolder>();
        services.AddHostedService<StartupInitializer>();
        services.AddReportLensApplication(builder.Configuration);
        services.AddSingleton<IExceptionProblemMapper, LlmProblemMapper>();
        services.AddSingleton<IExceptionProblemMapper, UniqueViolationProblemMapper>();
        services.AddSingleton<ModelLabels>();
        services.AddSingleton<IAnalysisObserver, AnalysisMetrics>();
        services.AddReportLensJobs();
        services.AddReportLensCriticalFindings();
        services.AddReportLensHl7();
        services.AddScoped<ReviewQueue>();
        builder.AddReportLensHealth();
        builder.AddReportLensUi();
        return builder;
    }

    public static WebApplication MapReportLens(this WebApplication app)
    {
        app.UseReportLensProxy();
        app.MapReportLensMetrics();
        AnalysisMetrics.WatchBackends(app);
        JobMetrics.WatchJobItems(app);
        CriticalFindingMetrics.WatchCases(app);
        app.UseExceptionHandler();
        app.UseReportLensShutdown();
        app.UseStatusCodePages();
        app.UseReportLensInputGuard();
        app.UseReportLensSecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        var api = app.MapGroup("").WithMiddlewareProblems();
        api.MapHealthApi();
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapReportsApi();
        api.MapReportVersionsApi();
        api.MapAnalysisApi();
        api.MapAuditApi();
        api.MapJobsApi();
        api.MapEvaluationsApi();
        api.MapBackendsApi();
        api.MapReviewsApi();
        api.MapCriticalFindingsApi();
        api.MapGoldApi();
        api.MapUsageApi();
        api.MapPromptExamplesApi();
        app.MapReportLensUi();
        return app;
    }
}
