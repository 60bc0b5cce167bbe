using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The real server on Kestrel at a free loopback port, configured only through settings.</summary>
public sealed class ReportLensAppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string SecretKey = "integration-tests-secret-key-0123456789abcdef";
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password-123";

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

    public static Dictionary<string, string?> DefaultSettings(TestDatabase database, string ollamaUrl) => new()
    {
        ["DATABASE_URL"] = database.Url,
        ["SECRET_KEY"] = SecretKey,
        ["REPORTLENS_ADMIN_USER"] = AdminUser,
        ["REPORTLENS_ADMIN_PASSWORD"] = AdminPassword,
        ["OLLAMA_BASE_URL"] = ollamaUrl,
        ["OLLAMA_CONNECT_TIMEOUT"] = "2",
        ["OLLAMA_TIMEOUT"] = "20",
        ["Demo:SeedDemoReports"] = "false",
    };
}
