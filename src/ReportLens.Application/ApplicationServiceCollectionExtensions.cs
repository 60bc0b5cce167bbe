using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Application.CriticalFindings;
using ReportLens.Application.Evaluation;
using ReportLens.Application.Fhir;
using ReportLens.Application.Import;
using ReportLens.Application.Users;
using ReportLens.Application.Reviews;
using ReportLens.Application.Reports;
using ReportLens.Core.Rules;
using ReportLens.Data.Entities;
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
        services.AddReportLensRecords();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<AnalysisService>();
        services.AddSingleton<AnalyseAndRecord>();
        services.AddSingleton<ReportFhirExport>();
        services.AddSingleton<ReportStore>();
        services.AddScoped<ReviewService>();
        services.AddSingleton<ReviewStatsCache>();
        services.AddSingleton<GoldSets>();
        services.AddHostedService<CacheHitFlusher>();
        services.AddOptions<CriticalFindingsOptions>().Bind(configuration.GetSection(CriticalFindingsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CriticalCaseSignal>();
        services.AddSingleton<CriticalCaseOpener>();
        services.AddSingleton<CriticalCases>();
        return services;
    }

    /// <summary>The critical-findings background work (escalation, the webhook outbox's sender): the server runs it.</summary>
    public static IServiceCollection AddReportLensCriticalFindingsDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSender.ClientName);
        services.AddSingleton<CriticalCaseEscalation>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<CriticalFindingsWorker>();
        return services;
    }

    /// <summary>
    /// The use cases that need no analysis stack (create a user, import reports), for the CLI commands that only
    /// write records. Needs the database module (AddReportLensData) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReportLensRecords(this IServiceCollection services)
    {
        services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.TryAddSingleton<CreateUser>();
        services.TryAddSingleton<ImportReports>();
        return services;
    }
}
