using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ReportLens.Llm.Options;

/// <summary>Start-up validation: each failure is one line naming the setting and its environment variable.</summary>
public sealed partial class OllamaOptionsValidator : IValidateOptions<OllamaOptions>
{
    public ValidateOptionsResult Validate(string? name, OllamaOptions options)
    {
        var failures = new List<string>(options.Problems);
        var urls = options.BaseUrl.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            failures.Add("Ollama:BaseUrl (OLLAMA_BASE_URL) is empty; set it to e.g. http://localhost:11434.");
        }

        failures.AddRange(urls.Where(u => TryParseHttpUrl(u) is null)
            .Select(u => $"Ollama:BaseUrl (OLLAMA_BASE_URL) '{u}' is not an absolute http:// or https:// URL."));
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Ollama:Model (OLLAMA_MODEL) is empty; set it to e.g. qwen2.5:7b.");
        }

        if (!(options.Timeout > 0))
        {
            failures.Add($"Ollama:Timeout (OLLAMA_TIMEOUT) must be a positive number of seconds, not {options.Timeout}.");
        }

        if (!(options.QueueTimeout > 0))
        {
            failures.Add($"Ollama:QueueTimeout (OLLAMA_QUEUE_TIMEOUT) must be a positive number of seconds, not {options.QueueTimeout}.");
        }

        if (options.MaxNumCtx < 1024)
        {
            failures.Add($"Ollama:MaxNumCtx (OLLAMA_MAX_NUM_CTX) must be at least 1024 tokens, not {options.MaxNumCtx}.");
        }

        if (options.MaxQueued < 1)
        {
            failures.Add($"Ollama:MaxQueued (OLLAMA_MAX_QUEUED) must be at least 1, not {options.MaxQueued}.");
        }

        if (!(options.ConnectTimeout > 0))
        {
            failures.Add($"Ollama:ConnectTimeout (OLLAMA_CONNECT_TIMEOUT) must be a positive number of seconds, not {options.ConnectTimeout}.");
        }

        if (options.MaxConcurrent is <= 0)
        {
            failures.Add($"Ollama:MaxConcurrent (OLLAMA_MAX_CONCURRENT) must be at least 1, not {options.MaxConcurrent}.");
        }

        if (options.NumParallel <= 0)
        {
            failures.Add($"Ollama:NumParallel (OLLAMA_NUM_PARALLEL) must be at least 1, not {options.NumParallel}.");
        }

        if (options.DefaultTemperature is { } t && !(t is >= 0 and <= 2))
        {
            failures.Add($"Ollama:DefaultTemperature (OLLAMA_DEFAULT_TEMPERATURE) must be between 0 and 2, not {t}.");
        }

        if (!KeepAlivePattern().IsMatch(options.KeepAlive))
        {
            failures.Add($"Ollama:KeepAlive (OLLAMA_KEEP_ALIVE) '{options.KeepAlive}' is not a duration such as 5m, 24h, 300 or -1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static Uri? TryParseHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    [GeneratedRegex(@"^-?\d+(\.\d+)?(ns|us|ms|s|m|h)?$")]
    private static partial Regex KeepAlivePattern();
}
