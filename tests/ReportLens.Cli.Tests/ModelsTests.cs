using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class ModelsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ModelsList_AgainstEmulator_PrintsItsModels()
    {
        var result = await _workspace.RunAsync("models", "list", "--ollama", emulator.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("qwen2.5:7b", result.Stdout);
        Assert.Contains("llama3.1:8b", result.Stdout);
    }

    [Fact]
    public async Task ModelsPull_NewModel_SucceedsAndModelIsListedAfterwards()
    {
        var pull = await _workspace.RunAsync("models", "pull", "gemma2:9b", "--ollama", emulator.Url);
        var list = await _workspace.RunAsync("models", "list", "--ollama", emulator.Url);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains("pulled gemma2:9b", pull.Stderr);
        Assert.Contains("gemma2:9b", list.Stdout);
    }

    [Fact]
    public async Task ModelsWarm_KnownModel_LoadsIt()
    {
        var result = await _workspace.RunAsync("models", "warm", "qwen2.5:7b", "--keep-alive", "10m", "--ollama", emulator.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("qwen2.5:7b loaded", result.Stderr);
    }

    [Fact]
    public async Task ModelsList_OllamaNotRunning_ExitsOneWithOneLine()
    {
        var result = await _workspace.RunAsync("models", "list", "--ollama", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Ollama unreachable at http://127.0.0.1:9", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
