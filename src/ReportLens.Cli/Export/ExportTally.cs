namespace ReportLens.Cli.Export;

/// <summary>What an export wrote: the annotation count for the summary, and the reports whose text left, for the audit.</summary>
public sealed class ExportTally
{
    private readonly HashSet<int> _reportIds = [];

    public int Annotations { get; private set; }

    public IReadOnlyCollection<int> ReportIds => _reportIds;

    public void AddReport(int reportId, int annotations)
    {
        _reportIds.Add(reportId);
        Annotations += annotations;
    }
}
