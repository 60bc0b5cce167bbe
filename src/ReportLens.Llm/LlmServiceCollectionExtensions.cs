using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Core.Prompts;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Context;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="OllamaOptions"/> bound from the "Ollama" section, then OLLAMA_* (<see cref="OllamaEnvironment"/>), and
    /// validated: the one binder and validator of the server and the CLI.
    /// </summary>
    public static IServiceCollection AddOllamaOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OllamaOptions>()
            .Bind(configuration.GetSection(OllamaOptions.SectionName))
            .Configure(options => OllamaEnvironment.Map(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OllamaOptions>, OllamaOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Wires the LLM layer: options from "Ollama" + OLLAMA_* and "Llm" (validated at start-up), the backend pool
    /// and its monitor (probes endpoints back in, refreshes model lists), <see cref="LlmAnnotator"/> and <see cref="ILlmHealthProbe"/>.
    /// </summary>
    public static IServiceCollection AddReportLensLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOllamaOptions(configuration);
        services.AddOptions<LlmPoolOptions>()
            .Bind(configuration.GetSection(LlmPoolOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmPoolOptions>, LlmPoolOptionsValidator>();

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(LlmHttpClients.Backend)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<OllamaOptions>>().Value.ConnectTimeoutSpan,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(() => new BackendErrorHandler())
            .AddHttpMessageHandler(() => new OllamaLogprobsHandler())
            // The per-call timeout (OLLAMA_TIMEOUT) and the pool own resilience; a standard pipeline added by
            // ConfigureHttpClientDefaults would cut model calls at 30 s and retry them behind our back.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddSingleton<AnnotationSchemas>();
        services.AddSingleton<LlmBackendPool>();
        services.AddSingleton<LlmCallRunner>();
        services.AddSingleton<ContextPlanner>();
        services.AddHostedService<LlmPoolMonitor>();
        services.AddSingleton<ILlmHealthProbe, LlmHealthProbe>();
        services.AddSingleton(sp => new LlmAnnotator(
            sp.GetRequiredService<LlmBackendPool>(),
            sp.GetRequiredService<AnnotationSchemas>(),
            sp.GetRequiredService<LlmCallRunner>(),
            sp.GetRequiredService<ContextPlanner>(),
            sp.GetRequiredService<IOptions<OllamaOptions>>(),
            PromptLibrary.Default,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LlmAnnotator>>()));
        return services;
    }
}
