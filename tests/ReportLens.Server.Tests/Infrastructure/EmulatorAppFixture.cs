using ReportLens.OllamaEmulator;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The server on SQLite talking to the Ollama emulator over loopback, as it would to Ollama.</summary>
public class EmulatorAppFixture : AppFixture
{
    public EmulatorHost Emulator { get; private set; } = null!;

    protected virtual EmulatorOptions EmulatorOptions => new() { Parallel = 4 };

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());

    protected override async Task<string> StartOllamaAsync()
    {
        Emulator = await EmulatorHost.StartAsync(EmulatorOptions);
        return Emulator.BaseUrl.ToString().TrimEnd('/');
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
