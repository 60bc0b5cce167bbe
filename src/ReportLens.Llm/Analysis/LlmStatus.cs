
namespace ReportLens.Llm.Analysis;

/// <summary>Whether the LLM backend answers and has the configured model (from /api/tags, not just an open port).</summary>
public sealed record LlmStatus(bool Reachable, bool ModelPresent, string Model, IReadOnlyList<string> Models, string? Version, string? Problem);
