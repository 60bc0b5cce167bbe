using Microsoft.Extensions.Options;

namespace ReportLens.Server.Configuration;

/// <summary>Turns a configuration error into the one line an operator needs, instead of a stack trace.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => "Configuration error: " + string.Join("; ", validation.Failures),
        ConfigurationException configuration => "Configuration error: " + configuration.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => null,
    };
}
