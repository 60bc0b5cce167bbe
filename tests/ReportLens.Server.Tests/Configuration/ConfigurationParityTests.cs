namespace ReportLens.Server.Tests.Configuration;

/// <summary>
/// One configuration path for the server and the CLI: given the same bad environment value, the server refuses to
/// start and the CLI refuses the command with the same one line.
/// </summary>
public sealed class ConfigurationParityTests
{
    [Theory]
    [InlineData("OLLAMA_TIMEOUT", "-5", "models", "list")]
    [InlineData("OLLAMA_TIMEOUT", "abc", "models", "list")]
    [InlineData("OLLAMA_NUM_PARALLEL", "many", "models", "list")]
    [InlineData("OLLAMA_BASE_URL", "not a url", "models", "list")]
    [InlineData("DATABASE_URL", "mysql://nope", "users", "list")]
    public async Task ServerAndCli_SameBadValue_PrintTheSameLine(string variable, string value, string command, string subcommand)
    {
        var folder = Directory.CreateTempSubdirectory("rl-parity-").FullName;
        var environment = new Dictionary<string, string?>
        {
            ["SECRET_KEY"] = "a-valid-secret-key-for-configuration-tests-0123",
            ["DATABASE_URL"] = $"Data Source={Path.Combine(folder, "c.db")}",
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
            [variable] = value,
        };

        await using var server = ServerProcess.Start(environment, listen: false, workingDirectory: folder);
        var cli = await CliProcess.RunAsync(folder, [command, subcommand], null, environment, TestContext.Current.CancellationToken);
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the server should stop by itself");

        var serverLine = Assert.Single(server.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error:", serverLine);
        Assert.Contains(variable, serverLine);
        Assert.Equal((2, serverLine.Trim()), (cli.ExitCode, cli.Stderr.Trim()));
    }
}
