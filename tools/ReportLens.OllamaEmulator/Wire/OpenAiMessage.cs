namespace ReportLens.OllamaEmulator.Wire;

/// <summary>An assistant message or delta; reasoning_content as vLLM, SGLang and llama.cpp send a model's reasoning.</summary>
internal sealed record OpenAiMessage
{
    public string? Role { get; init; }
    public string? Content { get; init; }
    public string? ReasoningContent { get; init; }
}
