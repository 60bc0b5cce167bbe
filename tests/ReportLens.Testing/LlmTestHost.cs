using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Llm;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Health;

namespace ReportLens.Testing;

/// <summary>The LLM layer wired as the server wires it, pointed at emulators on loopback.</summary>
public sealed class LlmTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public LlmTestHost(string baseUrls, params (string Key, string Value)[] settings)
        : this(baseUrls, time: null, settings)
    {
    }

    public LlmTestHost(string baseUrls, TimeProvider? time, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([
                KeyValuePair.Create("OLLAMA_BASE_URL", (string?)baseUrls),
                KeyValuePair.Create("OLLAMA_CONNECT_TIMEOUT", (string?)"2"),
                KeyValuePair.Create("OLLAMA_TIMEOUT", (string?)"20"),
            ])
            .AddInMemoryCollection(settings.GroupBy(s => s.Key).Select(g => KeyValuePair.Create(g.Key, (string?)g.Last().Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        _provider = services.AddReportLensLlm(configuration).BuildServiceProvider(validateScopes: true);
    }

    public LlmAnnotator Annotator => _provider.GetRequiredService<LlmAnnotator>();

    public ILlmHealthProbe Health => _provider.GetRequiredService<ILlmHealthProbe>();

    public LlmBackendPool Pool => _provider.GetRequiredService<LlmBackendPool>();

    public void Dispose() => _provider.Dispose();
}
