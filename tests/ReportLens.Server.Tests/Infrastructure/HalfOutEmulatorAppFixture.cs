namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The emulator fixture with a second LLM endpoint where nothing listens: the pool has one backend out.</summary>
public sealed class HalfOutEmulatorAppFixture : EmulatorAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["OLLAMA_BASE_URL"] = settings["OLLAMA_BASE_URL"] + ",http://127.0.0.1:9";
}
