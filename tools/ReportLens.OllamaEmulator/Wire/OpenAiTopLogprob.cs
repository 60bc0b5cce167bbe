namespace ReportLens.OllamaEmulator.Wire;

internal sealed record OpenAiTopLogprob(string Token, double Logprob, IReadOnlyList<int> Bytes);
