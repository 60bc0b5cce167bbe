using Microsoft.Extensions.Configuration;
using ReportLens.Server.Observability;

namespace ReportLens.Server.Tests.Deployment;

public sealed class EnvExampleTests
{
    private static readonly IReadOnlyDictionary<string, string> Settings = RepositoryFiles.ReadEnvFile(".env.example");

    [Theory]
    [InlineData("OLLAMA_BASE_URL")]
    [InlineData("OLLAMA_MODEL")]
    [InlineData("OLLAMA_TIMEOUT")]
    [InlineData("OLLAMA_CONNECT_TIMEOUT")]
    [InlineData("OLLAMA_MAX_CONCURRENT")]
    [InlineData("OLLAMA_DEFAULT_TEMPERATURE")]
    [InlineData("OLLAMA_KEEP_ALIVE")]
    [InlineData("OLLAMA_NUM_PARALLEL")]
    [InlineData("DATABASE_URL")]
    [InlineData("SECRET_KEY")]
    [InlineData("ACCESS_TOKEN_EXPIRE_MINUTES")]
    [InlineData("DEBUG")]
    [InlineData("LOG_LEVEL")]
    [InlineData("LOG_FORMAT")]
    [InlineData("REPORTLENS_ADMIN_USER")]
    [InlineData("REPORTLENS_ADMIN_PASSWORD")]
    [InlineData("METRICS_TOKEN")]
    [InlineData("CORS_ORIGINS")]
    [InlineData("RATE_LIMIT_PER_MINUTE")]
    [InlineData("LOGIN_FAILURES_PER_ACCOUNT")]
    [InlineData("LOGIN_FAILURES_PER_CLIENT")]
    [InlineData("LOGIN_LOCKOUT_SECONDS")]
    [InlineData("LOGIN_MAX_LOCKOUT_SECONDS")]
    [InlineData("CRITICAL_WEBHOOK_URLS")]
    [InlineData("CRITICAL_ESCALATION_WEBHOOK_URL")]
    [InlineData("CRITICAL_ESCALATE_AFTER_MINUTES")]
    [InlineData("CRITICAL_WEBHOOK_SECRET")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("ASPNETCORE_URLS")]
    public void EnvExample_DocumentsSetting(string name) => Assert.True(Settings.ContainsKey(name), $"{name} missing from .env.example");

    [Theory]
    [InlineData("SECRET_KEY")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("METRICS_TOKEN")]
    [InlineData("REPORTLENS_ADMIN_PASSWORD")]
    [InlineData("GRAFANA_ADMIN_PASSWORD")]
    public void EnvExample_Secret_HasNoValueToCopy(string name) => Assert.Equal("", Settings[name]);

    [Fact]
    public void EnvExample_EverySetting_HasAnExplanationAbove()
    {
        var lines = RepositoryFiles.Read(".env.example").Split('\n');

        var unexplained = lines.Select((line, i) => (line, i))
            .Where(x => IsSetting(x.line) && (x.i == 0 || !(lines[x.i - 1].StartsWith('#') || IsSetting(lines[x.i - 1]))))
            .Select(x => x.line)
            .ToList();

        Assert.Empty(unexplained);
    }

    // A group of related settings shares the comment above its first line.
    private static bool IsSetting(string line) => line.Length > 0 && char.IsUpper(line[0]);

    [Fact]
    public void EnvExample_LogFormatAndLevel_AreValuesTheServerAccepts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .Build();

        var settings = ObservabilitySettings.From(configuration);

        Assert.True(settings.JsonLogs);
    }
}
