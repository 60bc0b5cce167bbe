namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="Job"/>, as stored and shown.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public const string CompletedWithErrors = "completed_with_errors";

    /// <summary>States in which workers take the job's items.</summary>
    public static bool IsActive(string status) => status is Queued or Running;

    public static bool IsFinished(string status) => status is Cancelled or Completed or CompletedWithErrors;
}
