using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>Exit codes and the one-line error contract: 2 for usage, 1 for failures, stack traces only with --verbose.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("users", "add", "eve", "--role", "superuser", "--password", "long-enough")]
    [InlineData("users", "set-role", "eve")]
    [InlineData("export", "--format", "xml", "--output", "x")]
    [InlineData("analyze", "--type", "nonsense")]
    [InlineData("no-such-command")]
    [InlineData("users")]
    [InlineData("import", "--fromat", "csv")]
    [InlineData("analyze", "-", "--type", "highlight", "--output", "x.jsonl")]
    [InlineData("analyze", "--input", "in.jsonl", "--type", "highlight")]
    [InlineData("loadtest", "--requests", "0")]
    [InlineData("eval", "--gold", "g.jsonl", "--engines", "magic")]
    [InlineData("analyze", "--type", "highlight", "--engin", "rules")]
    public async Task Cli_UsageError_ExitsTwo(params string[] args)
    {
        var result = await _workspace.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneWithOneLine()
    {
        await _workspace.CreateDatabaseAsync();

        var result = await _workspace.RunAsync("import", _workspace.Path("missing.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: file not found: {_workspace.Path("missing.jsonl")}", result.Stderr.Trim());
    }

    [Fact]
    public async Task Command_MissingDatabase_ExitsOneAndSaysHowToCreateIt()
    {
        var result = await _workspace.RunAsync("users", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db migrate", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Command_FailureWithVerbose_PrintsStackTrace()
    {
        var quiet = await _workspace.RunAsync("import", _workspace.Path("missing.jsonl"));
        var verbose = await _workspace.RunAsync("import", _workspace.Path("missing.jsonl"), "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.Single(quiet.Stderr.Trim().Split('\n'));
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr);
    }
}
