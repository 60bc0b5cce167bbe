using ReportLens.Core.Annotations;

namespace ReportLens.Application.Reviews;

/// <summary>Reviewed items of one model and prompt version (and engine): acceptance rate = accepted / decided items.</summary>
public sealed record ReviewStatsRow(
    string ModelName,
    string PromptVersion,
    EngineKind Engine,
    int Annotations,
    int ItemsReviewed,
    int Accepted,
    int Rejected,
    int Edited,
    double AcceptanceRate);
