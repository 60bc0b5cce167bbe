using ReportLens.Core.Interop;

namespace ReportLens.Application.Import;

/// <summary>
/// One accession number may appear on several rows when each carries an annotation of the same report (our own
/// exports); with different text it is a conflict, and the later row is bad.
/// </summary>
public static class DuplicateCheck
{
    public static List<ImportRow> Merge(IReadOnlyList<ImportRow> rows)
    {
        var result = new List<ImportRow>(rows.Count);
        var firstByAccession = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Report is not { AccessionNumber: { } accession } report)
            {
                result.Add(row);
                continue;
            }

            if (!firstByAccession.TryGetValue(accession, out var index))
            {
                firstByAccession[accession] = result.Count;
                result.Add(row);
                continue;
            }

            var first = result[index];
            if (first.Report!.Text != report.Text)
            {
                result.Add(ImportRow.Bad(row.Location, $"accession number repeats {first.Location} with different text"));
                continue;
            }

            result[index] = first with { Report = first.Report with { Annotations = [.. first.Report.Annotations, .. report.Annotations] } };
        }

        return result;
    }
}
