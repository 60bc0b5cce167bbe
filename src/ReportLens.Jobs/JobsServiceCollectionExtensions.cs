using Microsoft.Extensions.DependencyInjection;
using ReportLens.Jobs.Analysis;
using ReportLens.Jobs.Control;
using ReportLens.Jobs.Queue;
using ReportLens.Jobs.Workers;

namespace ReportLens.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Durable jobs: options ("Jobs", validated at start-up), queue, control, this process's worker, and the cache's hit counter writer.</summary>
    public static IServiceCollection AddReportLensJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<WorkerCapacity>();
        services.AddSingleton<JobItemQueue>();
        services.AddSingleton<JobItemProcessor>();
        services.AddSingleton<JobService>();
        services.AddSingleton<JobReader>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<CacheHitFlusher>();
        return services;
    }
}
