using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Core.Rules;

namespace ReportLens.Llm.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>The LLM layer, the rules engine and the analyzer that combines them.</summary>
    public static IServiceCollection AddReportLensAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReportLensLlm(configuration);
        services.AddOptions<AnalysisLimitsOptions>().Bind(configuration.GetSection(AnalysisLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRulesEngine>(RulesEngine.Default);
        services.AddSingleton<ILlmStatusProvider, LlmStatusProvider>();
        services.AddSingleton<IReportAnalyzer, ReportAnalyzer>();
        return services;
    }
}
