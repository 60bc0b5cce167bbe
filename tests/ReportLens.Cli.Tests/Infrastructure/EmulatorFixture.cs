using ReportLens.OllamaEmulator;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>One in-process Ollama emulator on a free loopback port, shared by a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public string Url => Host.BaseUrl.ToString().TrimEnd('/');

    public async ValueTask InitializeAsync() =>
        Host = await EmulatorHost.StartAsync(new EmulatorOptions { Models = ["qwen2.5:7b", "llama3.1:8b"] });

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
