using Microsoft.Extensions.Logging;
using ReportLens.Application.Configuration;

namespace ReportLens.Server.Observability;

/// <summary>LOG_FORMAT, LOG_LEVEL, METRICS_TOKEN and OTEL_EXPORTER_OTLP_ENDPOINT, read and checked in one place.</summary>
public sealed record ObservabilitySettings(bool JsonLogs, LogLevel? MinimumLevel, string? MetricsToken, Uri? OtlpEndpoint)
{
    public const string LogFormatKey = "LOG_FORMAT";
    public const string LogLevelKey = "LOG_LEVEL";
    public const string MetricsTokenKey = "METRICS_TOKEN";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Reads the settings; a bad value throws <see cref="ConfigurationException"/> naming the setting (one line at start-up).</summary>
    public static ObservabilitySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var format = configuration[LogFormatKey]?.Trim().ToLowerInvariant();
        var json = format switch
        {
            null or "" or "text" => false,
            "json" => true,
            _ => throw new ConfigurationException($"{LogFormatKey} must be 'json' or 'text', not '{format}'"),
        };

        // METRICS_TOKEN (the documented environment name), or Metrics:Token in appsettings / SeedEnvironment's mapping.
        var token = configuration[MetricsTokenKey] ?? configuration["Metrics:Token"];
        if (token is not null && token.Trim().Length is > 0 and < 16)
        {
            throw new ConfigurationException($"{MetricsTokenKey} is too short: use at least 16 random characters (openssl rand -hex 32)");
        }

        var endpointText = configuration[OtlpEndpointKey];
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText)
            && (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new ConfigurationException($"{OtlpEndpointKey} must be an absolute http(s) URL such as http://otel-collector:4317");
        }

        return new(json, ParseLevel(configuration[LogLevelKey]), string.IsNullOrWhiteSpace(token) ? null : token.Trim(), endpoint);
    }

    private static LogLevel? ParseLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" or "fatal" => LogLevel.Critical,
        "none" or "off" => LogLevel.None,
        var other => throw new ConfigurationException(
            $"{LogLevelKey} must be one of trace, debug, information, warning, error, critical, none; not '{other}'"),
    };
}
