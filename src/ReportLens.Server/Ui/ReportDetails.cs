using ReportLens.Data.Entities;

namespace ReportLens.Server.Ui;

/// <summary>A report with its annotations (newest first) and the names of the users who ran or reviewed them.</summary>
public sealed record ReportDetails(Report Report, IReadOnlyList<Annotation> Annotations, IReadOnlyDictionary<int, string> UserNames)
{
    /// <summary>The text and annotations are the de-identified ones: nothing here may be written back (docs/privacy.md).</summary>
    public bool Deidentified { get; init; }

    public string NameOf(int? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "—";
}
