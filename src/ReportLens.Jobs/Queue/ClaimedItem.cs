namespace ReportLens.Jobs.Queue;

/// <summary>
/// An item this worker (<paramref name="Owner"/>) holds under a lease (the claim query's RETURNING row).
/// <paramref name="Attempts"/> counts earlier runs, including one whose worker died with the lease.
/// </summary>
public sealed record ClaimedItem(long Id, long JobId, int ReportId, int Attempts, string Owner);
