
namespace ReportLens.Llm.Backends;

/// <summary>One endpoint as GET /api/v1/ai/backends shows it.</summary>
public sealed record LlmBackendSnapshot(
    string Name,
    string Url,
    LlmBackendKind Kind,
    LlmBackendState State,
    int Slots,
    int InUse,
    int Queued,
    IReadOnlyList<string> Models,
    double? LatencyP50Ms,
    double? TokensPerSecond,
    DateTimeOffset? OpenUntil,
    DateTimeOffset? ModelsRefreshedAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    bool Deidentify);
