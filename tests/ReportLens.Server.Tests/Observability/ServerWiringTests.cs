using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Tests.Observability;

/// <summary>The observability extensions next to the real server modules, wired the way Program.cs will wire them.</summary>
public sealed class ServerWiringTests : IDisposable
{
    private const string Token = "wiring-test-metrics-token-0123456789";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reportlens-wiring-");

    [Fact]
    public async Task RealServer_WithObservability_CountsItsRoutesAndProtectsMetrics()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"Data Source={Path.Combine(_folder.FullName, "wiring.db")}",
            ["SECRET_KEY"] = "wiring-test-secret-key-0123456789abcdef",
            ["REPORTLENS_ADMIN_USER"] = "admin",
            ["REPORTLENS_ADMIN_PASSWORD"] = "admin-password-123",
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
            ["Demo:SeedDemoReports"] = "false",
            ["LOG_LEVEL"] = "information",
            ["LOG_FORMAT"] = "json",
            ["METRICS_TOKEN"] = Token,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddReportLens();
        await using var app = builder.Build();
        app.MapReportLens();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/reports", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics", ct)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var body = await client.GetStringAsync("/metrics", ct);
        await app.StopAsync(ct);

        Assert.Contains("endpoint=\"/health/live\"", body, StringComparison.Ordinal);
        Assert.Contains("code=\"401\"", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE reportlens_analyses_total counter", body, StringComparison.Ordinal);
        Assert.Contains("reportlens_job_items{state=\"pending\"} 0", body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
