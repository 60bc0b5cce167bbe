namespace ReportLens.Core.Annotations;

public static class HighlightCategories
{
    public const string Abnormal = "abnormal";
    public const string Measurement = "measurement";
    public const string Location = "location";
    public const string Diagnosis = "diagnosis";

    /// <summary>A device or post-operative material (tube, line, pacemaker, sternotomy wires, clips): not a finding.</summary>
    public const string Device = "device";

    public static readonly IReadOnlyList<string> All = [Abnormal, Measurement, Location, Diagnosis, Device];
}
