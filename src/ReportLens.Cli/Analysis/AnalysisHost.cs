using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportLens.Application;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Cli.Infrastructure;
using ReportLens.Data;
using ReportLens.Jobs;
using ReportLens.Jobs.Control;
using ReportLens.Jobs.Workers;
using ReportLens.Llm.Analysis;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// The same application layer the server runs (rules, LLM pool, analyzer; with a database also the result cache and
/// "analyse and record"), configured from the CLI's <see cref="OllamaSettings"/> (OLLAMA_*, --ollama). Logging has
/// no provider: nothing reaches a log.
/// </summary>
public sealed class AnalysisHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AnalysisHost(ServiceProvider services) => _services = services;

    public IReportAnalyzer Analyzer => _services.GetRequiredService<IReportAnalyzer>();

    public AnalyseAndRecord Analyses => _services.GetRequiredService<AnalyseAndRecord>();

    public IDbContextFactory<ReportLensDbContext> Databases => _services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>();

    public ILlmStatusProvider LlmStatus => _services.GetRequiredService<ILlmStatusProvider>();

    public JobService Jobs => _services.GetRequiredService<JobService>();

    public JobReader JobReader => _services.GetRequiredService<JobReader>();

    /// <summary>The durable queue's worker, as the server runs it; the CLI starts it for the jobs it creates.</summary>
    public JobWorker Worker => _services.GetServices<IHostedService>().OfType<JobWorker>().Single();

    /// <param name="settings">Configuration on top of the environment (e.g. Jobs:Concurrency from --concurrency).</param>
    public static AnalysisHost Create(CliContext context, bool withDatabase, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (withDatabase)
        {
            Infrastructure.Databases.EnsureExists(context);
        }

        IConfiguration configuration = settings is null
            ? context.Ollama.Configuration
            : new ConfigurationBuilder().AddConfiguration(context.Ollama.Configuration).AddInMemoryCollection(settings).Build();
        var collection = AddServices(new ServiceCollection(), configuration, withDatabase ? context.Database : null, context.Time);
        return new AnalysisHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>The CLI's container: the analysis stack, and with a <paramref name="database"/> the application's use cases and the job queue with its worker.</summary>
    public static IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration, DatabaseSettings? database, TimeProvider time)
    {
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(configuration);
        if (database is null)
        {
            return services.AddReportLensAnalysis(configuration);
        }

        services.AddReportLensData(database);
        services.AddReportLensApplication(configuration);
        return services.AddReportLensJobs();
    }

    /// <summary>Writes the cache hits counted in this run (the server flushes them every 2 s), then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_services.GetService<ResultCache>() is { } cache)
        {
            await cache.FlushHitsAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
