using Microsoft.Extensions.Options;
using ReportLens.Core.Deidentification;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Privacy;

/// <summary>
/// The server's de-identified reads (report views, the FHIR bundle, versions): one <see cref="Deidentifier"/> per
/// process, so a report shows the same placeholders and date shift every time it is read, and nothing that restores
/// the identifiers leaves the server. Who must get de-identified text is decided here too.
/// </summary>
public sealed class ReportDeidentification(IOptions<PrivacyOptions> options)
{
    private readonly Deidentifier _deidentifier = new();

    /// <summary>One export or one page of reads: the report and its annotations moved onto the de-identified text.</summary>
    public ExportDeidentifier NewExport() => new(_deidentifier);

    public (Report Report, List<Annotation> Annotations) Apply(Report report, IEnumerable<Annotation> annotations) =>
        NewExport().Apply(report, annotations);

    /// <summary>True when the caller asked for it, or when the setting makes it so for a viewer.</summary>
    public bool Required(bool requested, string? role) =>
        requested || (options.Value.ViewersSeeDeidentified && role == Roles.Viewer);
}
