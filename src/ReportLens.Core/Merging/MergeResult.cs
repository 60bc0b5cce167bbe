using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// The hybrid content, the share of items both engines produced (agreed items ÷ distinct items of either engine;
/// 1.0 when neither produced any) and the places where one engine asserts what the other negates.
/// </summary>
public sealed record MergeResult(AnnotationContent Content, double AgreementRatio, IReadOnlyList<Contradiction> Contradictions)
{
    public int ContradictionCount => Contradictions.Count;
}
