using ReportLens.Data.Entities;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Ui;

/// <summary>
/// A report with its annotations (newest first), the names of the users who ran or reviewed them, and every text it
/// has had (oldest first, the current one last: more than one after a correction).
/// </summary>
public sealed record ReportDetails(Report Report, IReadOnlyList<Annotation> Annotations, IReadOnlyDictionary<int, string> UserNames,
    IReadOnlyList<ReportVersionResponse> Versions)
{
    /// <summary>The text and annotations are the de-identified ones: nothing here may be written back (docs/privacy.md).</summary>
    public bool Deidentified { get; init; }

    public string NameOf(int? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "—";
}
