
namespace ReportLens.Llm.Logprobs;

/// <summary>One generated token and its log-probability, as Ollama (0.12.11+) and OpenAI-compatible servers report it.</summary>
public sealed record TokenLogprob(string Token, double Logprob, IReadOnlyList<byte>? Bytes = null);
