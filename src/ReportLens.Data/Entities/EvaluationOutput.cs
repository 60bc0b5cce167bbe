namespace ReportLens.Data.Entities;

/// <summary>What one planned run (<see cref="PlanIndex"/>) returned for one gold report (<see cref="GoldIndex"/>), as JSON.</summary>
public sealed class EvaluationOutput
{
    public long Id { get; set; }
    public long EvaluationRunId { get; set; }
    public int GoldIndex { get; set; }
    public int PlanIndex { get; set; }
    public required string OutputJson { get; set; }
}
