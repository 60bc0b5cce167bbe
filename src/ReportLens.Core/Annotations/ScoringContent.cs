namespace ReportLens.Core.Annotations;

public sealed record ScoringContent : AnnotationContent
{
    public override AnnotationType Type => AnnotationType.Scoring;
    public IReadOnlyList<ScoreItem> Scores { get; init; } = [];
    public int OverallScore { get; init; }
}
