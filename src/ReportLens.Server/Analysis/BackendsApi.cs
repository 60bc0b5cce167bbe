using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Jobs.Workers;
using ReportLens.Llm;
using ReportLens.Server.Auth;
using ReportLens.Llm.Backends;

namespace ReportLens.Server.Analysis;

/// <summary>GET /api/v1/ai/backends (the pool's endpoints and the cache) and GET /api/v1/ai/cache (cache size and hit rate).</summary>
public static class BackendsApi
{
    public static IEndpointRouteBuilder MapBackendsApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/api/v1/ai").WithTags("AI Analysis").RequireAuthorization(Policies.Read);
        ai.MapGet("/backends", GetBackendsAsync).WithName("GetBackends").WithSummary("LLM backends: reachability, slots, queue, models");
        ai.MapGet("/cache", GetCacheAsync).WithName("GetCacheStats").WithSummary("Result cache entries and hit rate");
        return app;
    }

    internal static async Task<Ok<BackendsResponse>> GetBackendsAsync(
        LlmBackendPool pool, ResultCache cache, WorkerCapacity capacity, CancellationToken ct)
    {
        var backends = pool.GetBackendsSnapshot();
        return TypedResults.Ok(new BackendsResponse(
            backends,
            backends.Sum(b => b.Slots),
            backends.Sum(b => b.InUse),
            backends.Sum(b => b.Queued),
            backends.Count(b => b.State == LlmBackendState.Healthy),
            capacity.Value,
            await cache.StatsAsync(ct)));
    }

    internal static async Task<Ok<CacheStats>> GetCacheAsync(ResultCache cache, CancellationToken ct) =>
        TypedResults.Ok(await cache.StatsAsync(ct));
}
