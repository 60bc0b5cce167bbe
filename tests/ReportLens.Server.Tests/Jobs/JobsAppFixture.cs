using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>The server on SQLite with an emulator of 4 slots at a modest decode rate, and fast job timings.</summary>
public sealed class JobsAppFixture : SqliteAppFixture
{
    public EmulatorHost Emulator { get; private set; } = null!;

    protected override async Task<string> StartOllamaAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4, DecodeTokensPerSecond = 2000, PromptTokensPerSecond = 20000 });
        return Emulator.BaseUrl.ToString();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Jobs:PollSeconds"] = "0.1";
        settings["Jobs:BackoffBaseSeconds"] = "0.05";
        settings["Jobs:BackoffMaxSeconds"] = "0.2";
        settings["Jobs:MaxAttempts"] = "4";
        settings["Jobs:LeaseSeconds"] = "5";
        settings["Jobs:UnavailableWaitSeconds"] = "0.5";
        settings["Jobs:EventsIntervalMs"] = "100";
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
