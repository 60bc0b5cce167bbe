using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Health;

/// <summary>One endpoint's answer to the health probe.</summary>
public sealed record LlmBackendHealth(
    string Name,
    string Url,
    LlmBackendKind Kind,
    bool Reachable,
    string? Version,
    IReadOnlyList<string> Models,
    string? Error);
