using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>The batch quota and proxy settings are checked at start-up: a bad one stops the server with one line naming it.</summary>
public sealed class SecuritySettingsStartupTests
{
    [Theory]
    [InlineData("BATCH_ITEMS_PER_HOUR", "-1", "BATCH_ITEMS_PER_HOUR")]
    [InlineData("BATCH_MAX_ITEMS_RADIOLOGIST", "0", "BATCH_MAX_ITEMS_RADIOLOGIST")]
    [InlineData("BATCH_MAX_ITEMS_ADMIN", "50000", "BATCH_MAX_ITEMS_ADMIN")]
    [InlineData("REPORTLENS_KNOWN_PROXIES", "nginx.local", "REPORTLENS_KNOWN_PROXIES")]
    [InlineData("REPORTLENS_KNOWN_NETWORKS", "172.30.0.0/99", "REPORTLENS_KNOWN_NETWORKS")]
    [InlineData("REPORTLENS_HSTS_MAX_AGE", "-1", "REPORTLENS_HSTS_MAX_AGE")]
    public async Task Start_WithBadSecuritySetting_ExitsWithOneLineNamingIt(string variable, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("rl-security-config-");
        var environment = new Dictionary<string, string?>
        {
            ["SECRET_KEY"] = "a-valid-secret-key-for-configuration-tests-0123",
            ["DATABASE_URL"] = $"Data Source={Path.Combine(folder.FullName, "c.db")}",
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
            [variable] = value,
        };
        await using var server = ServerProcess.Start(environment, listen: false);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the server should stop by itself");
        Assert.Equal(1, server.ExitCode);
        var lines = server.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
        Assert.StartsWith("Configuration error:", lines[0]);
    }
}
