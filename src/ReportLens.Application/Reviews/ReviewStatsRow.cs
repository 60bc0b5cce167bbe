using ReportLens.Core.Annotations;

namespace ReportLens.Application.Reviews;

/// <summary>
/// Reviewed items of one model and prompt version (and engine): acceptance rate = accepted / decided items; and the
/// critical-finding cases its analyses opened that a radiologist closed: false-alarm rate = dismissed / closed (null
/// when none was closed).
/// </summary>
public sealed record ReviewStatsRow(
    string ModelName,
    string PromptVersion,
    EngineKind Engine,
    int Annotations,
    int ItemsReviewed,
    int Accepted,
    int Rejected,
    int Edited,
    double AcceptanceRate,
    int CriticalAcknowledged = 0,
    int CriticalDismissed = 0,
    double? FalseAlarmRate = null);
