using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Configuration;
using Microsoft.Extensions.Options;
using ReportLens.Llm;
using ReportLens.Llm.Options;

namespace ReportLens.Cli.Infrastructure;

/// <summary>
/// The Ollama settings of one invocation, resolved once: <see cref="OllamaOptions"/> bound and validated the way the
/// server does (the "Ollama" section, then OLLAMA_*), with --ollama standing in for OLLAMA_BASE_URL, through the server's binder and validator (AddOllamaOptions). The defaults
/// live in <see cref="OllamaOptions"/> only.
/// </summary>
public sealed class OllamaSettings
{
    private OllamaSettings(IConfiguration configuration, OllamaOptions options)
    {
        Configuration = configuration;
        Options = options;
    }

    /// <summary>What the analysis host binds its LLM layer from, so it sees the same settings.</summary>
    public IConfiguration Configuration { get; }

    public OllamaOptions Options { get; }

    /// <summary>The first endpoint (OLLAMA_BASE_URL may list several for the analysis pool), ending in '/' so relative paths append.</summary>
    public Uri BaseUrl => new(Options.BaseUrls[0].ToString().TrimEnd('/') + "/");

    public static string DefaultBaseUrl => new OllamaOptions().BaseUrl;

    public static string DefaultModel => new OllamaOptions().Model;

    public static string DefaultKeepAlive => new OllamaOptions().KeepAlive;

    /// <summary>Binds from the environment; throws <see cref="OptionsValidationException"/> naming each bad setting.</summary>
    public static OllamaSettings Resolve(string? ollamaOverride)
    {
        var overrides = new Dictionary<string, string?>();
        if (ollamaOverride is not null)
        {
            overrides["OLLAMA_BASE_URL"] = ollamaOverride;
        }

        var configuration = EnvironmentNames.FromEnvironment(overrides);
        // The server's binder and validator: a bad value throws OptionsValidationException with the server's words.
        using var services = new ServiceCollection().AddOllamaOptions(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<OllamaOptions>>().Value;
        return new OllamaSettings(configuration, options);
    }
}
