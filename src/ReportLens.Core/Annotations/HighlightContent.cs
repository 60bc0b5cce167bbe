namespace ReportLens.Core.Annotations;

public sealed record HighlightContent : AnnotationContent
{
    public override AnnotationType Type => AnnotationType.Highlight;
    public IReadOnlyList<HighlightItem> Highlights { get; init; } = [];
}
