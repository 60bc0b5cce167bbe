using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ReportLens.Server.Tests.Deployment;

public sealed partial class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = RepositoryFiles.ReadYaml("docker-compose.yml");

    private static YamlMappingNode Services => Compose.Map("services");

    [Theory]
    [InlineData("postgres")]
    [InlineData("ollama")]
    [InlineData("reportlens")]
    [InlineData("nginx")]
    public void Compose_SeedService_IsDefinedAndStartsByDefault(string service)
    {
        var definition = Services.Find(service);

        Assert.NotNull(definition);
        Assert.Null(definition.Find("profiles"));
    }

    [Fact]
    public void Compose_ReportLens_WaitsForHealthyPostgres()
    {
        var dependsOn = Services.Map("reportlens").Map("depends_on");

        Assert.Equal("service_healthy", dependsOn.Map("postgres").Text("condition"));
    }

    [Fact]
    public void Compose_Nginx_WaitsForHealthyReportLens()
    {
        Assert.Equal("service_healthy", Services.Map("nginx").Map("depends_on").Map("reportlens").Text("condition"));
    }

    [Fact]
    public void Compose_EveryLongRunningService_HasAHealthcheck()
    {
        var longRunning = Services.Entries().Where(s => !s.Value.Items("profiles").OfType<YamlScalarNode>().Any(p => p.Value == "init")).ToList();

        Assert.NotEmpty(longRunning);
        Assert.All(longRunning, s => Assert.True(s.Value.Find("healthcheck")?.Find("test") is not null, $"{s.Key} has no healthcheck"));
    }

    [Fact]
    public void Compose_EveryNamedVolume_IsDeclared()
    {
        var declared = Compose.Map("volumes").Entries().Select(v => v.Key).ToHashSet();
        var used = Services.Entries()
            .SelectMany(s => s.Value.Items("volumes").OfType<YamlScalarNode>().Select(v => v.Value!.Split(':')[0]))
            .Where(source => !source.StartsWith('.') && !source.StartsWith('/'))
            .ToList();

        Assert.Contains("postgres_data", used);
        Assert.Contains("ollama_data", used);
        Assert.All(used, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void Compose_EveryInterpolatedVariable_IsDocumentedInEnvExample()
    {
        var documented = RepositoryFiles.ReadEnvFile(".env.example");
        var used = Interpolation().Matches(RepositoryFiles.Read("docker-compose.yml")).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.Contains("SECRET_KEY", used);
        Assert.All(used, name => Assert.True(documented.ContainsKey(name), $"${{{name}}} is used in docker-compose.yml but missing from .env.example"));
    }

    [Fact]
    public void Compose_SecretKeyAndDatabasePassword_AreRequiredNotDefaulted()
    {
        var environment = Services.Map("reportlens").Map("environment");

        Assert.StartsWith("${SECRET_KEY:?", environment.Text("SECRET_KEY"), StringComparison.Ordinal);
        Assert.Contains("${POSTGRES_PASSWORD:?", Services.Map("postgres").Map("environment").Text("POSTGRES_PASSWORD"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReportLens_ReachesOllamaAndPostgresByServiceName()
    {
        var environment = Services.Map("reportlens").Map("environment");

        Assert.Equal("http://ollama:11434", environment.Text("OLLAMA_BASE_URL"));
        Assert.Matches(@"^postgresql://\$\{POSTGRES_USER[^}]*\}:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432/", environment.Text("DATABASE_URL"));
    }

    [Fact]
    public void Compose_Ollama_KeepsTheSeedsParallelismAndCommentedGpuBlock()
    {
        var ollama = Services.Map("ollama");
        var raw = RepositoryFiles.Read("docker-compose.yml");

        Assert.Equal("${OLLAMA_NUM_PARALLEL:-4}", ollama.Map("environment").Text("OLLAMA_NUM_PARALLEL"));
        Assert.Null(ollama.Find("deploy"));
        Assert.Matches(@"#\s*- driver: nvidia", raw);
        Assert.Matches(@"#\s*capabilities: \[gpu\]", raw);
    }

    [Fact]
    public void Compose_OnlyNginx_PublishesPortsBeyondLoopback()
    {
        var published = Services.Entries()
            .Where(s => s.Key != "nginx")
            .SelectMany(s => s.Value.Items("ports").OfType<YamlScalarNode>().Select(p => (s.Key, Port: p.Value!)))
            .ToList();

        Assert.NotEmpty(published);
        Assert.All(published, p => Assert.True(p.Port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{p.Key} publishes {p.Port} on all interfaces"));
    }

    // ${NAME}, ${NAME:-default}, ${NAME:?error}; $${NAME} is an escape for the container's shell, not compose's.
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Z_][A-Z0-9_]*)")]
    private static partial Regex Interpolation();
}
