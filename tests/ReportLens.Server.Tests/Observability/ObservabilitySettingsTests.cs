using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReportLens.Application.Configuration;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Tests.Observability;

public sealed class ObservabilitySettingsTests
{
    [Theory]
    [InlineData("LOG_FORMAT", "xml")]
    [InlineData("LOG_LEVEL", "verbose")]
    [InlineData("METRICS_TOKEN", "short")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    public void From_BadValue_ThrowsNamingTheSetting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var error = Assert.Throws<ConfigurationException>(() => ObservabilitySettings.From(configuration));

        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SeedStyleValues_AreMapped()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("LOG_FORMAT", "JSON"), new("LOG_LEVEL", "warn"), new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4317")]).Build();

        var settings = ObservabilitySettings.From(configuration);

        Assert.True(settings.JsonLogs);
        Assert.Equal(LogLevel.Warning, settings.MinimumLevel);
        Assert.Equal(new Uri("http://otel:4317"), settings.OtlpEndpoint);
        Assert.Null(settings.MetricsToken);
    }
}
