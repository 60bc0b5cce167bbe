using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Merging;

namespace ReportLens.Core.Tests.Merging;

/// <summary>Grounds both contents against the report, as the hybrid analysis does before it merges.</summary>
internal static class GroundedMerge
{
    public static MergeResult Of(string report, AnnotationContent llm, AnnotationContent rules) =>
        EngineMerger.Merge(Grounder.Ground(report, llm).Content, Grounder.Ground(report, rules).Content);
}
