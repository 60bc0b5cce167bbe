using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportLens.Llm;

namespace ReportLens.Cli.Infrastructure;

/// <summary>
/// The Ollama settings of one invocation, resolved once: <see cref="OllamaOptions"/> bound and validated the way the
/// server does (the "Ollama" section, then OLLAMA_*), with --ollama standing in for OLLAMA_BASE_URL. The defaults
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

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var options = new OllamaOptions();
        configuration.GetSection(OllamaOptions.SectionName).Bind(options);
        OllamaEnvironment.Map(configuration, options);
        var validation = new OllamaOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(OllamaOptions), validation.Failures);
        }

        return new OllamaSettings(configuration, options);
    }
}
