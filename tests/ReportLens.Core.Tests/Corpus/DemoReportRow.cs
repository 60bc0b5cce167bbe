namespace ReportLens.Core.Tests.Corpus;

/// <summary>One line of src/ReportLens.Server/Demo/demo-reports.jsonl, the reports loaded on the first start.</summary>
internal sealed record DemoReportRow
{
    public required string AccessionNumber { get; init; }
    public required string ReportContent { get; init; }
    public required string Modality { get; init; }
    public required string BodyPart { get; init; }
    public required DateOnly ExamDate { get; init; }
    public required string Language { get; init; }
}
