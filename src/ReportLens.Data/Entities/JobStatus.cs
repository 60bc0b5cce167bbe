namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="Job"/>, stored and shown as their wire names ("queued", "completed_with_errors", …).</summary>
public enum JobStatus
{
    Queued,
    Running,
    Paused,
    Cancelled,
    Completed,
    CompletedWithErrors,
}
