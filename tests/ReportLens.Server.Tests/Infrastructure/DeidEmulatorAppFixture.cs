using ReportLens.OllamaEmulator;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>
/// The server on SQLite with the emulator as an Ollama the admin marked as outside the trust boundary
/// (OLLAMA_DEIDENTIFY=true); the emulator keeps every message it gets, to check what left the server. Viewers see
/// reports de-identified only (VIEWERS_SEE_DEIDENTIFIED=true).
/// </summary>
public class DeidEmulatorAppFixture : EmulatorAppFixture
{
    protected override EmulatorOptions EmulatorOptions => new() { Parallel = 4, RecordMessages = true };

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["OLLAMA_DEIDENTIFY"] = "true";
        settings["VIEWERS_SEE_DEIDENTIFIED"] = "true";
    }
}
