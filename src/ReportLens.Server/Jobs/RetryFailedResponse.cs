using ReportLens.Jobs.Control;

namespace ReportLens.Server.Jobs;

/// <summary>How many failed items went back to the queue, and the job after it.</summary>
public sealed record RetryFailedResponse(int Retried, JobProgress Job);
