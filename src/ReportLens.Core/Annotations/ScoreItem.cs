namespace ReportLens.Core.Annotations;

public sealed record ScoreItem
{
    public required string Dimension { get; init; }
    public int Score { get; init; }
    public int MaxScore { get; init; } = 100;
    public string Reason { get; init; } = "";
}
