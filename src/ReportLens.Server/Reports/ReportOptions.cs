using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Longest report text accepted; longer is a 413.</summary>
    [Range(1000, 1_000_000)]
    public int MaxReportCharacters { get; set; } = 100_000;
}
