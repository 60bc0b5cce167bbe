namespace ReportLens.Server.CriticalFindings;

/// <summary>Body of acknowledge ({"note": …}, optional) and dismiss ({"reason": …}, required).</summary>
public sealed record CloseCaseRequest(string? Note, string? Reason);
