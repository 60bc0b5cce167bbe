namespace ReportLens.Cli.Export;

/// <summary>Which annotations to export: by type, created since a date, of one report.</summary>
public sealed record ExportFilter(ReportLens.Core.Annotations.AnnotationType? Type, DateOnly? Since, int? ReportId)
{
    public bool FiltersAnnotations => Type is not null || Since is not null;
}
