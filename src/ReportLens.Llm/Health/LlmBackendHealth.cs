using ReportLens.Llm.Backends;

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
