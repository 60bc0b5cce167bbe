using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Cli.Infrastructure;
using ReportLens.Data;
using ReportLens.Jobs.Analysis;
using ReportLens.Llm.Analysis;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// The same analysis stack the server runs (rules, LLM pool, ReportAnalyzer; with a database also the result cache
/// and AnalysisService), configured from the CLI's <see cref="OllamaSettings"/> (OLLAMA_*, --ollama). Logging has no provider: nothing reaches a log.
/// </summary>
public sealed class AnalysisHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private AnalysisHost(ServiceProvider services) => this.services = services;

    public IReportAnalyzer Analyzer => services.GetRequiredService<IReportAnalyzer>();

    public AnalysisService Service => services.GetRequiredService<AnalysisService>();

    public IDbContextFactory<ReportLensDbContext> Databases => services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>();

    public static AnalysisHost Create(CliContext context, bool withDatabase)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(context.Time);
        collection.AddReportLensAnalysis(context.Ollama.Configuration);
        if (withDatabase)
        {
            Infrastructure.Databases.EnsureExists(context);
            collection.AddReportLensData(context.Database);
            collection.AddSingleton<ResultCache>();
            collection.AddSingleton<AnalysisService>();
        }

        return new AnalysisHost(collection.BuildServiceProvider());
    }

    /// <summary>Writes the cache hits counted in this run (the server flushes them every 2 s), then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (services.GetService<ResultCache>() is { } cache)
        {
            await cache.FlushHitsAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }
}
