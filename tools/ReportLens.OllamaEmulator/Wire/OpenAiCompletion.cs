namespace ReportLens.OllamaEmulator.Wire;

/// <summary>OpenAI's chat.completion object (POST /v1/chat/completions, not streamed).</summary>
internal sealed record OpenAiCompletion(string Id, long Created, string Model, IReadOnlyList<OpenAiChoice> Choices, OpenAiUsage Usage)
{
    public string Object => "chat.completion";
}
