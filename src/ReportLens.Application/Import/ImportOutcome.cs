namespace ReportLens.Application.Import;

/// <summary>What an import did, for the summary line.</summary>
public sealed record ImportOutcome(int Created, int Updated, int Unchanged, int AnnotationsAdded);
