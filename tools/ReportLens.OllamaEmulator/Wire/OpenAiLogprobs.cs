namespace ReportLens.OllamaEmulator.Wire;

/// <summary>A choice's logprobs: one entry per generated token.</summary>
internal sealed record OpenAiLogprobs(IReadOnlyList<OpenAiTokenLogprob> Content);
