namespace ReportLens.OllamaEmulator.Wire;

/// <summary>A token, its log-probability, its UTF-8 bytes and (with top_logprobs) the likeliest tokens at its place.</summary>
internal sealed record OpenAiTokenLogprob(string Token, double Logprob, IReadOnlyList<int> Bytes, IReadOnlyList<OpenAiTopLogprob> TopLogprobs);
