namespace ReportLens.Application.CriticalFindings;

/// <summary>What closing a case came to; <paramref name="Case"/> is the case as it now stands (null when not found).</summary>
public sealed record CloseResult(CloseOutcome Outcome, CriticalCaseView? Case);
