namespace ReportLens.Jobs.Queue;

/// <summary>An item this worker holds under a lease (the claim query's RETURNING row).</summary>
public sealed record ClaimedItem(long Id, long JobId, int ReportId, int Attempts);
