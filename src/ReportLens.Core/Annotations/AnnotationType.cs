namespace ReportLens.Core.Annotations;

/// <summary>The four annotation types of the original design.</summary>
public enum AnnotationType
{
    Highlight,
    Classification,
    Extraction,
    Scoring,
}
