namespace ReportLens.Data.Entities;

/// <summary>
/// Engines and models scored on a gold set: a durable job (<see cref="JobId"/>) analyses each gold report, and
/// when it ends the figures are computed once and kept in <see cref="ResultsJson"/> (the history of a hospital's figures).
/// </summary>
public sealed class EvaluationRun
{
    public long Id { get; set; }
    public int GoldSetId { get; set; }
    public long? JobId { get; set; }
    /// <summary>The planned runs: engine, model and prompt version each (JSON).</summary>
    public required string PlanJson { get; set; }
    public string? ResultsJson { get; set; }
    public int? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
