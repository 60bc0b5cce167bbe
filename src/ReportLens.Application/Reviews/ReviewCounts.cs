namespace ReportLens.Application.Reviews;

/// <summary>How many of an annotation's items are accepted, rejected, edited, still waiting for a decision, and how many reviewers added.</summary>
public sealed record ReviewCounts(int Total, int Accepted, int Rejected, int Edited, int Added = 0)
{
    public int Pending => Math.Max(0, Total - Accepted - Rejected - Edited);
}
