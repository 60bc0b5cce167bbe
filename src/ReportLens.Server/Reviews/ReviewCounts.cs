namespace ReportLens.Server.Reviews;

/// <summary>How many of an annotation's items are accepted, rejected, edited, and still waiting for a decision.</summary>
public sealed record ReviewCounts(int Total, int Accepted, int Rejected, int Edited)
{
    public int Pending => Math.Max(0, Total - Accepted - Rejected - Edited);
}
