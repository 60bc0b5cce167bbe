namespace ReportLens.Core.Annotations;

public sealed record ClassificationContent : AnnotationContent
{
    public override AnnotationType Type => AnnotationType.Classification;
    public IReadOnlyList<ClassificationItem> Classifications { get; init; } = [];
}
