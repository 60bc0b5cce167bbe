using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

/// <summary>A job over listed report ids or over the reports a filter selects (one of the two).</summary>
public sealed record CreateJobRequest(IReadOnlyList<int>? ReportIds, JobFilterRequest? Filter) : AnalysisOptionsRequest;
