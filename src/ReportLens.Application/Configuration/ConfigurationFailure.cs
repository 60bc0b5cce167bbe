using Microsoft.Extensions.Options;

namespace ReportLens.Application.Configuration;

/// <summary>
/// Turns a configuration error into the one line an operator needs, instead of a stack trace: the server prints it
/// when start-up fails, the CLI when a command meets the same bad setting, word for word.
/// </summary>
public static class ConfigurationFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => "Configuration error: " + string.Join("; ", validation.Failures),
        ConfigurationException configuration => "Configuration error: " + configuration.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => null,
    };
}
