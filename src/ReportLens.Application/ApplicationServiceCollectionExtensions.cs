using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Application.CriticalFindings;
using ReportLens.Application.Evaluation;
using ReportLens.Application.Fhir;
using ReportLens.Application.Gold;
using ReportLens.Application.Hl7Out;
using ReportLens.Application.Import;
using ReportLens.Application.Outbox;
using ReportLens.Application.Usage;
using ReportLens.Application.Prompts;
using ReportLens.Application.Privacy;
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
        services.TryAddSingleton<IFewShotSource>(NoFewShotSource.Instance);
        services.AddSingleton<IReportAnalyzer, ReportAnalyzer>();
        return services;
    }

    /// <summary>
    /// The use cases every door calls (the analysis stack, the result cache and its hit counter writer,
    /// "analyse and record"). Needs the database module (AddReportLensData) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReportLensApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IFewShotSource>(sp => sp.GetRequiredService<PromptExamples>());
        services.AddReportLensAnalysis(configuration);
        services.AddReportLensRecords();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<AnalysisService>();
        services.AddSingleton<AnalyseAndRecord>();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<ReportDeidentification>();
        services.AddSingleton<ReportFhirExport>();
        services.AddSingleton<ReportStore>();
        services.AddScoped<ReviewService>();
        services.AddScoped<Reviews.Double.DoubleReviews>();
        services.AddScoped<Reviews.Double.Adjudication>();
        services.AddScoped<Reviews.Agreement.ReviewAgreement>();
        services.AddSingleton<ReviewStatsCache>();
        services.AddSingleton<UsageReport>();
        services.AddSingleton<GoldSets>();
        services.AddHostedService<CacheHitFlusher>();
        services.AddOptions<CriticalFindingsOptions>().Bind(configuration.GetSection(CriticalFindingsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CriticalCaseSignal>();
        services.AddSingleton<CriticalCaseOpener>();
        services.AddSingleton<CriticalCases>();
        services.AddOptions<FhirPushOptions>().Bind(configuration.GetSection(FhirPushOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Hl7OutOptions>().Bind(configuration.GetSection(Hl7OutOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResultsOutbox>();
        return services;
    }

    /// <summary>The critical-findings background work (escalation, the outbox's sender and its transports): the server runs it.</summary>
    public static IServiceCollection AddReportLensCriticalFindingsDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(CriticalWebhookTransport.ClientName);
        services.AddHttpClient(FhirPushTransport.ClientName);
        services.AddSingleton<CriticalCaseEscalation>();
        services.AddSingleton<IOutboxTransport, CriticalWebhookTransport>();
        services.AddSingleton<IOutboxTransport, FhirPushTransport>();
        services.AddSingleton<IOutboxTransport, OruOutTransport>();
        services.AddSingleton<OutboxSender>();
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
        services.TryAddSingleton<GoldExport>();
        services.TryAddSingleton<ReviewedScores>();
        services.TryAddSingleton<PromptExamples>();
        return services;
    }
}
