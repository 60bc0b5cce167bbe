using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Evaluation;
using ReportLens.Jobs.Control;
using ReportLens.Jobs.Queue;
using ReportLens.Jobs.Workers;

namespace ReportLens.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Durable jobs: options ("Jobs", validated at start-up), queue, control and this process's worker. Its items run
    /// through the application layer's "analyse and record" (AddReportLensApplication).
    /// </summary>
    public static IServiceCollection AddReportLensJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<WorkerCapacity>();
        services.AddSingleton<JobItemQueue>();
        services.AddSingleton<JobItemProcessor>();
        services.AddSingleton<JobService>();
        services.AddSingleton<JobReader>();
        services.AddSingleton<IEvaluationQueue, EvaluationJobQueue>();
        services.AddSingleton<EvaluationRuns>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
