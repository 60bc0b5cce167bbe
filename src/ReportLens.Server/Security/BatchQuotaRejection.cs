namespace ReportLens.Server.Security;

/// <summary>Why a batch was refused: over the role's job size (<see cref="RetryAfter"/> null) or over the hourly budget.</summary>
public sealed record BatchQuotaRejection(string Message, TimeSpan? RetryAfter);
