namespace ReportLens.Core.Annotations;

public static class HighlightCategories
{
    public const string Abnormal = "abnormal";
    public const string Measurement = "measurement";
    public const string Location = "location";
    public const string Diagnosis = "diagnosis";

    public static readonly IReadOnlyList<string> All = [Abnormal, Measurement, Location, Diagnosis];
}
