namespace ReportLens.Data.Entities;

public static class JobStatuses
{
    /// <summary>States in which workers take the job's items.</summary>
    public static bool IsActive(this JobStatus status) => status is JobStatus.Queued or JobStatus.Running;

    public static bool IsFinished(this JobStatus status) => status is JobStatus.Cancelled or JobStatus.Completed or JobStatus.CompletedWithErrors;
}
