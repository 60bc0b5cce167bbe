namespace ReportLens.OllamaEmulator.Wire;

/// <summary>One generated token in Ollama's logprobs array (0.12.11+): token, logprob, UTF-8 bytes.</summary>
internal sealed record LogprobEntry(string Token, double Logprob, IReadOnlyList<int> Bytes);
