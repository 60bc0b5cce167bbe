namespace ReportLens.Core.Interop;

/// <summary>
/// One record of an input file: either a report or the reason it could not be read. <see cref="Location"/> names
/// where it stands ("line 3", "a.txt", "entry 2") and never quotes the report text.
/// </summary>
public sealed record ImportRow(string Location, ImportedReport? Report, string? Error)
{
    public static ImportRow Ok(string location, ImportedReport report) => new(location, report, null);

    public static ImportRow Bad(string location, string error) => new(location, null, error);
}
