namespace ReportLens.OllamaEmulator.Wire;

/// <summary>One server-sent chat.completion.chunk; the usage chunk (stream_options.include_usage) has no choices.</summary>
internal sealed record OpenAiChunk(string Id, long Created, string Model, IReadOnlyList<OpenAiChoice> Choices)
{
    public string Object => "chat.completion.chunk";
    public OpenAiUsage? Usage { get; init; }
}
