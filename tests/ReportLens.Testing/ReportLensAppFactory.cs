using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportLens.Testing;

/// <summary>
/// The real server in-process, configured only through settings (<see cref="TestServerSettings"/>); tests call
/// UseKestrel(0) for a free loopback port. Generic over the server's Program so that projects which only start the
/// server as a process do not reference its assembly.
/// </summary>
public sealed class ReportLensAppFactory<TProgram>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    /// <summary>Every log line of this server, at every level (the privacy check reads it).</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }

    // Host configuration is applied before Program reads it; app configuration would come after Build (aspnetcore#37680).
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        return base.CreateHost(builder);
    }
}
