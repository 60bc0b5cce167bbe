namespace ReportLens.OllamaEmulator.Wire;

/// <summary>One choice of a completion (<see cref="Message"/>) or of a stream chunk (<see cref="Delta"/>).</summary>
internal sealed record OpenAiChoice
{
    public int Index { get; init; }
    public OpenAiMessage? Message { get; init; }
    public OpenAiMessage? Delta { get; init; }
    public OpenAiLogprobs? Logprobs { get; init; }
    public string? FinishReason { get; init; }
}
