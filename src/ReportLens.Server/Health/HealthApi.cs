using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportLens.Data;
using ReportLens.Llm.Analysis;

namespace ReportLens.Server.Health;

public static class HealthApi
{
    public static WebApplicationBuilder AddReportLensHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ReportLensDbContext>("database", tags: ["ready"])
            .AddCheck<LlmPoolHealthCheck>(LlmPoolHealthCheck.Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/health", GetAsync).WithTags("Health").AllowAnonymous()
            .WithName("GetHealth").WithSummary("Database and LLM status, and the engine analyses run on now");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        // Every check, the LLM pool's included: Degraded (200) with an endpoint out, Unhealthy (503) with none answering.
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        return app;
    }

    internal static async Task<Ok<HealthResponse>> GetAsync(HealthCheckService checks, ILlmStatusProvider llm, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
        var database = report.Status == HealthStatus.Healthy ? "ok" : "error";
        var status = await llm.GetStatusAsync(ct);
        var ollama = !status.Reachable ? "unavailable" : status.ModelPresent ? "ok" : "model_missing";
        var overall = database == "ok" && ollama == "ok" ? "healthy" : "degraded";
        var engine = ollama == "ok" ? "hybrid" : "rules";
        return TypedResults.Ok(new HealthResponse(overall, database, ollama, status.Model, engine, status.Problem));
    }
}
