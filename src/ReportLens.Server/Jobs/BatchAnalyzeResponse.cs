namespace ReportLens.Server.Jobs;

/// <summary>The batch-analyze answer existing clients read {status: "processing", message, report_count}, plus the job that now does the work.</summary>
public sealed record BatchAnalyzeResponse(string Status, string Message, int ReportCount, long JobId);
