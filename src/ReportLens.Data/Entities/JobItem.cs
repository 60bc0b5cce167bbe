namespace ReportLens.Data.Entities;

/// <summary>One report of a job. A worker holds it under a lease; an expired lease returns it to the queue.</summary>
public sealed class JobItem
{
    public long Id { get; set; }
    public long JobId { get; set; }
    public int ReportId { get; set; }
    public required JobItemState State { get; set; }
    /// <summary>Runs that ended in a failure counted against the retry limit.</summary>
    public int Attempts { get; set; }
    /// <summary>The worker holding the lease; once finished, the worker that finished the item.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public long? AnnotationId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
