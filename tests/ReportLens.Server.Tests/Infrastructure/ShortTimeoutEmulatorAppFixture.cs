namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The emulator fixture with a 3-second OLLAMA_TIMEOUT, for timeout faults.</summary>
public sealed class ShortTimeoutEmulatorAppFixture : EmulatorAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["OLLAMA_TIMEOUT"] = "3";
}
