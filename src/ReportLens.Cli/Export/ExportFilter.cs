namespace ReportLens.Cli.Export;

/// <summary>Which annotations to export: by type, created since a date, of one report.</summary>
public sealed record ExportFilter(string? Type, DateOnly? Since, int? ReportId)
{
    public bool FiltersAnnotations => Type is not null || Since is not null;
}
