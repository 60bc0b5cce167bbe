using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ReportLens.Server.Tests.Observability;

public sealed class TracingAndLoggingTests
{
    [Fact]
    public async Task ReportLensActivity_InsideRequest_JoinsTheCallersTrace()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>());
        using var client = host.CreateClient();
        var (header, traceId) = ObservabilityHost.NewTraceParent();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/trace");
        request.Headers.Add("traceparent", header);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        // Non-null only when OpenTelemetry listens to the "ReportLens" source; same trace id only when the
        // ASP.NET Core instrumentation continued the incoming trace.
        Assert.Equal(traceId, body.GetProperty("trace_id").GetString());
    }

    [Fact]
    public async Task LogFormatJson_UsesTheJsonConsoleFormatterAndLogLevel()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?> { ["LOG_FORMAT"] = "json", ["LOG_LEVEL"] = "warning" });

        var console = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting");

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Theory]
    [InlineData("debug", "ReportLens.Analysis", LogLevel.Debug, true)]
    [InlineData("debug", "Microsoft.AspNetCore.Hosting", LogLevel.Information, false)]
    [InlineData("error", "Microsoft.AspNetCore.Hosting", LogLevel.Warning, false)]
    [InlineData("error", "ReportLens.Analysis", LogLevel.Error, true)]
    public async Task LogLevel_OverAppSettings_SetsDefaultAndFloorsCategories(string logLevel, string category, LogLevel probe, bool enabled)
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>
        {
            ["LOG_LEVEL"] = logLevel,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.Equal(enabled, logger.IsEnabled(probe));
    }
}
