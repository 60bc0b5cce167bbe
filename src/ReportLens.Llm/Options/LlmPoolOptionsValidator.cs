using Microsoft.Extensions.Options;

namespace ReportLens.Llm.Options;

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

            if (!OpenAiServerKinds.TryParse(endpoint.Kind, out _))
            {
                failures.Add($"{key}:Kind '{endpoint.Kind}' is not one of {string.Join(", ", OpenAiServerKinds.Names)}.");
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

        if (options.BreakerFailureThreshold < 2)
        {
            failures.Add($"Llm:BreakerFailureThreshold must be at least 2, not {options.BreakerFailureThreshold}.");
        }

        if (!(options.BreakerFailureRatio is > 0 and <= 1))
        {
            failures.Add($"Llm:BreakerFailureRatio must be above 0 and at most 1, not {options.BreakerFailureRatio}.");
        }

        if (!(options.BreakerBreakSeconds >= 0.5))
        {
            failures.Add($"Llm:BreakerBreakSeconds must be at least 0.5, not {options.BreakerBreakSeconds}.");
        }

        if (!(options.ModelRefreshSeconds > 0))
        {
            failures.Add($"Llm:ModelRefreshSeconds must be positive, not {options.ModelRefreshSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
