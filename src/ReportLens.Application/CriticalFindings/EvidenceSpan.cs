namespace ReportLens.Application.CriticalFindings;

/// <summary>UTF-16 offsets of the evidence in the report text (report[start..end] is the finding as written).</summary>
public sealed record EvidenceSpan(int Start, int End);
