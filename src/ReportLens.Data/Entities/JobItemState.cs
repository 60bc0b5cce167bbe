namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="JobItem"/>, stored and shown as their wire names ("pending", …).</summary>
public enum JobItemState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
