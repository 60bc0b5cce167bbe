using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ReportLens.Llm.Options;

/// <summary>
/// The one place where the OLLAMA_* environment variables meet the "Ollama" section. An OLLAMA_* value, when set,
/// wins over the section (the environment overrides appsettings, as usual).
/// </summary>
public static class OllamaEnvironment
{
    /// <summary>Environment name → setting of <see cref="OllamaOptions"/>.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["OLLAMA_BASE_URL"] = nameof(OllamaOptions.BaseUrl),
        ["OLLAMA_MODEL"] = nameof(OllamaOptions.Model),
        ["OLLAMA_TIMEOUT"] = nameof(OllamaOptions.Timeout),
        ["OLLAMA_CONNECT_TIMEOUT"] = nameof(OllamaOptions.ConnectTimeout),
        ["OLLAMA_MAX_CONCURRENT"] = nameof(OllamaOptions.MaxConcurrent),
        ["OLLAMA_DEFAULT_TEMPERATURE"] = nameof(OllamaOptions.DefaultTemperature),
        ["OLLAMA_KEEP_ALIVE"] = nameof(OllamaOptions.KeepAlive),
        ["OLLAMA_NUM_PARALLEL"] = nameof(OllamaOptions.NumParallel),
        ["OLLAMA_QUEUE_TIMEOUT"] = nameof(OllamaOptions.QueueTimeout),
        ["OLLAMA_MAX_QUEUED"] = nameof(OllamaOptions.MaxQueued),
        ["OLLAMA_DEIDENTIFY"] = nameof(OllamaOptions.Deidentify),
        ["OLLAMA_TRUSTED_HOSTS"] = nameof(OllamaOptions.TrustedHosts),
        ["OLLAMA_MAX_NUM_CTX"] = nameof(OllamaOptions.MaxNumCtx),
    };

    /// <summary>Applies the OLLAMA_* values found in <paramref name="configuration"/> (environment, .env) to <paramref name="options"/>.</summary>
    public static void Map(IConfiguration configuration, OllamaOptions options)
    {
        foreach (var (variable, setting) in Names)
        {
            var raw = configuration[variable];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            raw = raw.Trim();
            switch (setting)
            {
                case nameof(OllamaOptions.BaseUrl): options.BaseUrl = raw; break;
                case nameof(OllamaOptions.Model): options.Model = raw; break;
                case nameof(OllamaOptions.KeepAlive): options.KeepAlive = raw; break;
                case nameof(OllamaOptions.Timeout): SetNumber(variable, raw, v => options.Timeout = v, options); break;
                case nameof(OllamaOptions.ConnectTimeout): SetNumber(variable, raw, v => options.ConnectTimeout = v, options); break;
                case nameof(OllamaOptions.DefaultTemperature): SetNumber(variable, raw, v => options.DefaultTemperature = v, options); break;
                case nameof(OllamaOptions.MaxConcurrent): SetInteger(variable, raw, v => options.MaxConcurrent = v, options); break;
                case nameof(OllamaOptions.NumParallel): SetInteger(variable, raw, v => options.NumParallel = v, options); break;
                case nameof(OllamaOptions.QueueTimeout): SetNumber(variable, raw, v => options.QueueTimeout = v, options); break;
                case nameof(OllamaOptions.MaxQueued): SetInteger(variable, raw, v => options.MaxQueued = v, options); break;
                case nameof(OllamaOptions.TrustedHosts): options.TrustedHosts = raw; break;
                case nameof(OllamaOptions.Deidentify) when bool.TryParse(raw, out var deidentify): options.Deidentify = deidentify; break;
                case nameof(OllamaOptions.Deidentify): options.Problems.Add($"{variable}='{raw}' is not true or false."); break;
                case nameof(OllamaOptions.MaxNumCtx): SetInteger(variable, raw, v => options.MaxNumCtx = v, options); break;
            }
        }
    }

    private static void SetNumber(string variable, string raw, Action<double> set, OllamaOptions options)
    {
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            options.Problems.Add($"{variable}='{raw}' is not a number.");
        }
    }

    private static void SetInteger(string variable, string raw, Action<int> set, OllamaOptions options)
    {
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            options.Problems.Add($"{variable}='{raw}' is not a whole number.");
        }
    }
}
