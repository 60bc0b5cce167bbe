namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="JobItem"/>, as stored and shown.</summary>
public static class JobItemState
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Succeeded, Failed, Cancelled];
}
