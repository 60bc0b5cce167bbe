namespace ReportLens.Server.Tests.Configuration;

/// <summary>Bad configuration stops the real server process with one line naming the setting.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("SECRET_KEY", "", "SECRET_KEY")]
    [InlineData("SECRET_KEY", "too-short", "SECRET_KEY")]
    [InlineData("DATABASE_URL", "mysql://nope", "DATABASE_URL")]
    [InlineData("ACCESS_TOKEN_EXPIRE_MINUTES", "-5", "ACCESS_TOKEN_EXPIRE_MINUTES")]
    [InlineData("OLLAMA_TIMEOUT", "-5", "OLLAMA_TIMEOUT")]
    [InlineData("OLLAMA_BASE_URL", "not a url", "OLLAMA_BASE_URL")]
    [InlineData("REPORTLENS_ADMIN_PASSWORD", "password-without-user", "REPORTLENS_ADMIN_PASSWORD")]
    [InlineData("RATE_LIMIT_PER_MINUTE", "-1", "RATE_LIMIT_PER_MINUTE")]
    [InlineData("LOGIN_FAILURES_PER_ACCOUNT", "0", "LOGIN_FAILURES_PER_ACCOUNT")]
    [InlineData("LOGIN_MAX_LOCKOUT_SECONDS", "1", "LOGIN_MAX_LOCKOUT_SECONDS")]
    [InlineData("BATCH_ITEMS_PER_HOUR", "-1", "BATCH_ITEMS_PER_HOUR")]
    [InlineData("BATCH_MAX_ITEMS_RADIOLOGIST", "0", "BATCH_MAX_ITEMS_RADIOLOGIST")]
    [InlineData("BATCH_MAX_ITEMS_ADMIN", "50000", "BATCH_MAX_ITEMS_ADMIN")]
    [InlineData("REPORTLENS_KNOWN_PROXIES", "nginx.local", "REPORTLENS_KNOWN_PROXIES")]
    [InlineData("REPORTLENS_KNOWN_NETWORKS", "172.30.0.0/99", "REPORTLENS_KNOWN_NETWORKS")]
    [InlineData("REPORTLENS_HSTS_MAX_AGE", "-1", "REPORTLENS_HSTS_MAX_AGE")]
    [InlineData("CRITICAL_WEBHOOK_URLS", "ftp://ris.local/hook", "CRITICAL_WEBHOOK_URLS")]
    [InlineData("CRITICAL_WEBHOOK_URLS", "http://ris.local/hook", "CRITICAL_WEBHOOK_SECRET")]
    [InlineData("CRITICAL_ESCALATE_AFTER_MINUTES", "-1", "CRITICAL_ESCALATE_AFTER_MINUTES")]
    public async Task Start_WithBadSetting_ExitsWithOneLineNamingIt(string variable, string value, string named) =>
        await AssertExitsWithOneLineNaming(named, (variable, value));

    /// <summary>The first admin is created by the same use case as every user: a name it refuses stops the start.</summary>
    [Fact]
    public async Task Start_WithAdminNameCreateUserRefuses_ExitsWithOneLineNamingIt() =>
        await AssertExitsWithOneLineNaming("REPORTLENS_ADMIN_USER: username is required", ("REPORTLENS_ADMIN_USER", new string('a', 300)), ("REPORTLENS_ADMIN_PASSWORD", "a-long-enough-password"));

    private static async Task AssertExitsWithOneLineNaming(string named, params (string Variable, string Value)[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("rl-config-");
        var environment = new Dictionary<string, string?>
        {
            ["SECRET_KEY"] = "a-valid-secret-key-for-configuration-tests-0123",
            ["DATABASE_URL"] = $"Data Source={Path.Combine(folder.FullName, "c.db")}",
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
        };
        foreach (var (variable, value) in settings)
        {
            environment[variable] = value;
        }

        await using var server = ServerProcess.Start(environment, listen: false);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the server should stop by itself");
        Assert.Equal(1, server.ExitCode);
        var lines = server.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
        Assert.StartsWith("Configuration error:", lines[0]);
        Assert.DoesNotContain("   at ", server.StandardOutput + server.StandardError);
    }
}
