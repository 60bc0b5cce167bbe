using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Logprobs;

/// <summary>One generated token and its log-probability, as Ollama (0.12.11+) and OpenAI-compatible servers report it.</summary>
public sealed record TokenLogprob(string Token, double Logprob, IReadOnlyList<byte>? Bytes = null);
