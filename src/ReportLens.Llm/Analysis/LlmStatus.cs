using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Analysis;

/// <summary>Whether the LLM backend answers and has the configured model (from /api/tags, not just an open port).</summary>
public sealed record LlmStatus(bool Reachable, bool ModelPresent, string Model, IReadOnlyList<string> Models, string? Version, string? Problem);
