namespace ReportLens.Server.Database;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Load the bundled demo reports on the first start (empty database). On in Development only
    /// (appsettings.Development.json): a production database must not fill with invented reports.
    /// </summary>
    public bool SeedDemoReports { get; set; }
}
