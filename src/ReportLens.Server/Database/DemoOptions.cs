namespace ReportLens.Server.Database;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the bundled demo reports on the first start (empty database).</summary>
    public bool SeedDemoReports { get; set; } = true;
}
