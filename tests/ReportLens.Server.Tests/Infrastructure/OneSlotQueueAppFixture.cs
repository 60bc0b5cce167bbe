using ReportLens.OllamaEmulator;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>One emulator slot that decodes at 100 tokens/s, one LLM slot in the server, interactive waits cut at half a second.</summary>
public sealed class OneSlotQueueAppFixture : EmulatorAppFixture
{
    protected override EmulatorOptions EmulatorOptions => new() { Parallel = 1, DecodeTokensPerSecond = 100, PromptTokensPerSecond = 20_000 };

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["OLLAMA_NUM_PARALLEL"] = "1";
        settings["OLLAMA_MAX_CONCURRENT"] = "1";
        settings["OLLAMA_QUEUE_TIMEOUT"] = "0.5";
    }
}
