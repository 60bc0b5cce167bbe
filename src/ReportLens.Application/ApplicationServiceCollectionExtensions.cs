using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Application.Reports;
using ReportLens.Core.Rules;
using ReportLens.Llm;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The analysis stack without a database: the LLM layer, the rules engine and the analyzer that combines them.</summary>
    public static IServiceCollection AddReportLensAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReportLensLlm(configuration);
        services.AddOptions<AnalysisLimitsOptions>().Bind(configuration.GetSection(AnalysisLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRulesEngine>(RulesEngine.Default);
        services.AddSingleton<ILlmStatusProvider, LlmStatusProvider>();
        services.AddSingleton<IReportAnalyzer, ReportAnalyzer>();
        return services;
    }

    /// <summary>
    /// The use cases every door calls (the analysis stack, the result cache and its hit counter writer,
    /// "analyse and record"). Needs the database module (AddReportLensData) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReportLensApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReportLensAnalysis(configuration);
        services.AddSingleton<ResultCache>();
        services.AddSingleton<AnalysisService>();
        services.AddSingleton<AnalyseAndRecord>();
        services.AddSingleton<ReportStore>();
        services.AddHostedService<CacheHitFlusher>();
        return services;
    }
}
