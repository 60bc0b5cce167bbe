using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>Content whose every item was located in the report, and the fraction of items that were found.</summary>
public sealed record GroundingResult(AnnotationContent Content, double GroundedFraction, int ItemCount, int GroundedCount);
