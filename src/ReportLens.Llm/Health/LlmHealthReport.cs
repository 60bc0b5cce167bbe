
namespace ReportLens.Llm.Health;

/// <summary>
/// The LLM side of health: reachable when any endpoint answers; <see cref="ModelAvailable"/> when one of the
/// reachable endpoints has <see cref="Model"/> (from /api/tags), not merely when a port is open.
/// </summary>
public sealed record LlmHealthReport(
    bool Reachable,
    string? Version,
    IReadOnlyList<string> Models,
    string Model,
    bool ModelAvailable,
    IReadOnlyList<LlmBackendHealth> Backends,
    DateTimeOffset CheckedAt)
{
    /// <summary>The first endpoint's error when none is reachable, or how to get the model when it is missing.</summary>
    public string? Error => !Reachable
        ? Backends.FirstOrDefault(b => b.Error is not null)?.Error
        : ModelAvailable ? null : $"Model '{Model}' is not available. Pull it with `ollama pull {Model}`.";
}
