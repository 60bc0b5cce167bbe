namespace ReportLens.Application.CriticalFindings;

/// <summary>A critical finding by its critical.tsv term (folded) and category.</summary>
public sealed record CriticalFindingTerm(string Term, string Category);
