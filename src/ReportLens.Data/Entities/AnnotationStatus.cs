namespace ReportLens.Data.Entities;

/// <summary>Whether an analysis produced content. Stored as its wire name ("succeeded", "failed").</summary>
public enum AnnotationStatus
{
    Succeeded,
    Failed,
}
