namespace ReportLens.Data.Entities;

public static class AnnotationStatus
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
