using Microsoft.Extensions.Options;

namespace ReportLens.Llm;

public sealed class LlmPoolOptionsValidator : IValidateOptions<LlmPoolOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmPoolOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.OpenAiEndpoints.Count; i++)
        {
            var endpoint = options.OpenAiEndpoints[i];
            var key = $"Llm:OpenAiEndpoints:{i}";
            if (OllamaOptionsValidator.TryParseHttpUrl(endpoint.Url) is null)
            {
                failures.Add($"{key}:Url '{endpoint.Url}' is not an absolute http:// or https:// URL.");
            }

            if (endpoint.Models.Count == 0 || endpoint.Models.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{key}:Models must list the models the endpoint serves.");
            }

            if (endpoint.Slots <= 0)
            {
                failures.Add($"{key}:Slots must be at least 1, not {endpoint.Slots}.");
            }
        }

        if (options.BreakerFailureThreshold <= 0)
        {
            failures.Add($"Llm:BreakerFailureThreshold must be at least 1, not {options.BreakerFailureThreshold}.");
        }

        if (!(options.BreakerBreakSeconds > 0))
        {
            failures.Add($"Llm:BreakerBreakSeconds must be positive, not {options.BreakerBreakSeconds}.");
        }

        if (!(options.ModelRefreshSeconds > 0))
        {
            failures.Add($"Llm:ModelRefreshSeconds must be positive, not {options.ModelRefreshSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
